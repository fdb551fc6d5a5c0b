using System.Xml.Linq;
using CityEServices.TestSupport;

namespace CityEServices.Architecture.Tests;

/// <summary>The deployable services and what each one may build on.</summary>
public static class ServiceProjects
{
    public static readonly string[] Services = ["Property", "UrbanPlanning", "Archive", "OfficeManagement", "Identity", "Notifications"];

    // Iran.Generators runs in the compiler only (the value types' parsing surface), never at run time.
    public static readonly string[] SharedLibraries = ["Contracts", "Messaging", "Iran", "Iran.Generators", "ServiceDefaults", "Web"];

    public static IEnumerable<object[]> All() => Services.Select(s => new object[] { s });

    public static string ProjectFile(string service) =>
        Path.Combine(RepositoryPaths.Root, "services", service, $"{service}.csproj");

    public static string GatewayProjectFile => Path.Combine(RepositoryPaths.Root, "gateway", "Gateway.csproj");

    /// <summary>Names of the projects a project file references directly (file name without extension).</summary>
    public static IReadOnlyList<string> ProjectReferences(string projectFile) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    /// <summary>The built assembly, next to the project (./city test builds the solution first).</summary>
    public static string BuiltAssembly(string projectFile, string assemblyName)
    {
        var bin = Path.Combine(Path.GetDirectoryName(projectFile)!, "bin");
        var candidates = Directory.Exists(bin)
            ? Directory.GetFiles(bin, assemblyName + ".dll", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}ref{Path.DirectorySeparatorChar}"))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .ToArray()
            : [];
        return candidates.FirstOrDefault() ?? throw new FileNotFoundException($"{assemblyName}.dll not built under {bin}; build the solution first");
    }
}
