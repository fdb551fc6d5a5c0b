using System.Diagnostics;
using System.Text.Json;

namespace CityEServices.Deployment.Tests;

/// <summary>What <c>dotnet publish -t:PublishContainer</c> (./city images) would build for each AppHost project (the CLI sets <c>_IsPublishing</c>).</summary>
public class ImageSettingsTests
{
    [Fact]
    public async Task Every_AppHost_project_builds_the_image_the_manifests_run()
    {
        var projects = await AppHostModel.LoadProjectsAsync();
        var settings = await Task.WhenAll(projects.Select(p => ContainerPropertiesAsync(p.ProjectPath)));

        var problems = new List<string>();
        foreach (var (project, properties) in projects.Zip(settings))
        {
            Expect(project, properties, "EnableSdkContainerSupport", "true");
            Expect(project, properties, "ContainerRepository", ContainerSettings.Repository(project.Name));
            Expect(project, properties, "ContainerImageTags", ContainerSettings.Version);
            Expect(project, properties, "ContainerUser", ContainerSettings.User);
            // Precompiled for the image's platform: a pod starts on about half the CPU (bench/README.md).
            Expect(project, properties, "PublishReadyToRun", "true");
            Expect(project, properties, "RuntimeIdentifier", "linux-x64");
            Expect(project, properties, "SelfContained", "false");
        }

        ManifestTests.AssertNone(problems);

        void Expect(ProjectModel project, IReadOnlyDictionary<string, string> properties, string name, string expected)
        {
            if (properties.GetValueOrDefault(name) != expected)
            {
                problems.Add($"{Path.GetFileName(project.ProjectPath)} ('{project.Name}') has {name}='{properties.GetValueOrDefault(name)}', expected '{expected}' (deploy/Containers.props)");
            }
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> ContainerPropertiesAsync(string projectPath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "msbuild", projectPath, "-nologo", "-getProperty:EnableSdkContainerSupport", "-getProperty:ContainerRepository", "-getProperty:ContainerImageTags", "-getProperty:ContainerUser",
            "-getProperty:PublishReadyToRun", "-getProperty:RuntimeIdentifier", "-getProperty:SelfContained", "-p:_IsPublishing=true" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet msbuild {projectPath} failed: {await output}{await error}");
        using var json = JsonDocument.Parse(await output);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }
}
