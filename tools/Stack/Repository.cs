namespace CityEServices.Stack;

/// <summary>The checkout the AppHost was built from (its project's parent folder): where .city/ and bench/ live.</summary>
public static class Repository
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(Projects.AppHost.ProjectPath, ".."));

    public static string State => Path.Combine(Root, ".city");
}
