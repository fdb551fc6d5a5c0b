using YamlDotNet.RepresentationModel;

namespace CityEServices.Deployment.Tests;

/// <summary>Small, null-tolerant reads of a YAML node tree (absent keys read as null or empty).</summary>
public static class Yaml
{
    public static YamlMappingNode? Map(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(key, out var child) ? child as YamlMappingNode : null;

    public static IReadOnlyList<YamlNode> Seq(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(key, out var child) && child is YamlSequenceNode seq
            ? seq.Children.ToList()
            : [];

    public static string? Str(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(key, out var child) && child is YamlScalarNode scalar ? scalar.Value : null;

    public static IReadOnlyDictionary<string, string> Pairs(this YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.Where(c => c.Value is YamlScalarNode).ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? "")
            : new Dictionary<string, string>();

    /// <summary>Removes <paramref name="key"/> from a mapping (for the tests that break a manifest on purpose).</summary>
    public static void Remove(this YamlNode? node, string key)
    {
        if (node is YamlMappingNode map)
        {
            map.Children.Remove(new YamlScalarNode(key));
        }
    }
}
