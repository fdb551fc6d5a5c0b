using System.Xml.Linq;

namespace CityEServices.Deployment.Tests;

/// <summary>What deploy/Containers.props gives every image: the suite's version (the tag) and the user it runs as.</summary>
public static class ContainerSettings
{
    private static readonly XDocument Props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "deploy", "Containers.props"));

    public static string Version => Property("CityEServicesVersion");

    public static string User => Property("ContainerUser");

    public static string Repository(string project) => $"cityeservices/{project}";

    private static string Property(string name) =>
        Props.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value
        ?? throw new InvalidOperationException($"deploy/Containers.props has no {name}");
}
