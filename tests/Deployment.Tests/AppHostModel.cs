using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace CityEServices.Deployment.Tests;

/// <summary>What the AppHost says about one project resource: its environment and its endpoints.</summary>
public sealed record ProjectModel(
    string Name,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<EndpointModel> Endpoints,
    string ProjectPath = "")
{
    /// <summary>AppHost resources this project's environment points at (databases, servers, other projects).</summary>
    public IReadOnlySet<string> References { get; } = Environment.Values
        .SelectMany(v => AppHostModel.ReferencePattern.Matches(v).Select(m => m.Groups[1].Value))
        .Where(r => r != Name)
        .ToHashSet();
}

public sealed record EndpointModel(string Name, string Transport);

/// <summary>
/// The AppHost's application model, built (not started) the way the end-to-end fixture builds it,
/// with every server given as a connection string so nothing is probed or started. Its environment is
/// read in publish mode: values come back as expressions such as <c>{identity.bindings.http.url}</c>
/// or <c>{property-db.connectionString}</c>, which name the resource they depend on.
/// </summary>
public static partial class AppHostModel
{
    internal static readonly Regex ReferencePattern = ReferenceRegex();

    private static readonly Lazy<Task<IReadOnlyList<ProjectModel>>> Projects = new(LoadAsync);

    public static Task<IReadOnlyList<ProjectModel>> LoadProjectsAsync() => Projects.Value;

    private static async Task<IReadOnlyList<ProjectModel>> LoadAsync()
    {
        string[] args =
        [
            "--ConnectionStrings:postgres=Host=model-only;Username=u;Password=p",
            "--ConnectionStrings:rabbitmq=amqp://u:p@model-only:5672",
            "--ConnectionStrings:redis=model-only:6379",
            "--Parameters:admin-password=model-only",
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<global::Projects.AppHost>(args);
        var projects = new List<ProjectModel>();
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            // Obsolete in favour of ExecutionConfigurationBuilder, which resolves values for a run; publish
            // mode's unresolved expressions are what these tests need (the names behind each value).
#pragma warning disable CS0618
            var environment = await project.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
#pragma warning restore CS0618
            var endpoints = project.Annotations.OfType<EndpointAnnotation>()
                .Select(e => new EndpointModel(e.Name, e.Transport))
                .ToList();
            var path = project.Annotations.OfType<IProjectMetadata>().Single().ProjectPath;
            projects.Add(new ProjectModel(project.Name, environment, endpoints, path));
        }

        await builder.DisposeAsync();
        return projects;
    }

    [GeneratedRegex(@"\{([a-z0-9-]+)\.(?:bindings|connectionString|value)")]
    private static partial Regex ReferenceRegex();
}
