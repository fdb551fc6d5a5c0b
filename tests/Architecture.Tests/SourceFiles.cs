using CityEServices.TestSupport;

namespace CityEServices.Architecture.Tests;

/// <summary>The C# sources a check reads: hand-written files only (no bin, obj or generated migrations).</summary>
public static class SourceFiles
{
    public static IEnumerable<string> Under(params string[] relativeFolder)
    {
        var root = Path.Combine([RepositoryPaths.Root, .. relativeFolder]);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Segments(f).Any(s => s is "bin" or "obj" or "Migrations"));
    }

    public static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');

    private static string[] Segments(string path) => Relative(path).Split('/');
}
