namespace CityEServices.TestSupport;

public static class RepositoryPaths
{
    /// <summary>The folder holding CityEServices.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The same server scripts the AppHost runs, so tests start servers exactly as developers do.</summary>
    public static string ServerScript(string name) => Path.Combine(Root, "AppHost", "servers", name);

    /// <summary>A fresh folder for one test run's server data, under one parent that ./city test cleans.</summary>
    public static string NewDataDirectory(string name)
    {
        // Short on purpose (socket paths are limited to 107 bytes), unique per process and call.
        var path = Path.Combine(Path.GetTempPath(), "cityeservices-tests", $"{name}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityEServices.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CityEServices.sln not found above " + AppContext.BaseDirectory);
    }
}
