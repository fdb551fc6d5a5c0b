using System.Reflection;
using System.Runtime.InteropServices;
using Aspire.Hosting.ApplicationModel;

namespace CityEServices.AppHost;

/// <summary>
/// Starts a project from its build output (<c>dotnet bin/&lt;configuration&gt;/net10.0/&lt;assembly&gt;.dll</c>), as a
/// container or a pod starts it, instead of Aspire's default <c>dotnet run --no-build --project …</c>. That
/// wrapper evaluates the project with MSBuild (1–2 CPU-seconds per service, while every service competes for the
/// same cores at start) and then stays resident beside the service for the stack's life (125–135 MB each).
/// The stack is always built before it starts (./city, the tests' fixtures), so the output is there; where it is
/// not, the project keeps Aspire's default, which reports the missing build.
/// </summary>
public static class BuildOutputLaunch
{
    // The AppHost and the services are built together in one configuration by ./city and the test builds.
    private static readonly string Configuration =
        typeof(BuildOutputLaunch).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static IResourceBuilder<ProjectResource> FromBuildOutput(this IResourceBuilder<ProjectResource> project)
    {
        var projectPath = project.Resource.GetProjectMetadata().ProjectPath;
        var directory = Path.GetDirectoryName(projectPath)!;
        var assembly = Path.Combine(directory, "bin", Configuration, "net10.0", $"CityEServices.{Path.GetFileNameWithoutExtension(projectPath)}.dll");
        if (!File.Exists(assembly))
        {
            return project;
        }

        // The working directory stays the project's folder, as with dotnet run: it is the content root the
        // service reads appsettings.json from.
        return project
            .WithAnnotation(new ExecutableAnnotation { Command = DotnetHost(), WorkingDirectory = directory }, ResourceAnnotationMutationBehavior.Replace)
            .WithArgs(assembly);
    }

    /// <summary>The dotnet host of the runtime this AppHost runs on: the same install that built the services.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        return Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
    }
}
