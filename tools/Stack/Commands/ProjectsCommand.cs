using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace CityEServices.Stack.Commands;

/// <summary>
/// The AppHost's projects, one a line: name, a tab, the project file. Read from its model, built but
/// not started, every server given as a connection string so that nothing is probed (./city images).
/// </summary>
internal static class ProjectsCommand
{
    public static async Task<int> RunAsync()
    {
        string[] modelOnly =
        [
            "--ConnectionStrings:postgres=Host=model-only;Username=u;Password=p",
            "--ConnectionStrings:rabbitmq=amqp://u:p@model-only:5672",
            "--ConnectionStrings:redis=model-only:6379",
            "--Parameters:admin-password=model-only",
        ];
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(modelOnly);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var path = project.Annotations.OfType<IProjectMetadata>().Single().ProjectPath;
            Console.Out.WriteLine($"{project.Name}\t{path}");
        }

        return 0;
    }
}
