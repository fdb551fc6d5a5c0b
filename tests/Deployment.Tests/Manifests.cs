using System.Collections.Concurrent;
using YamlDotNet.RepresentationModel;

namespace CityEServices.Deployment.Tests;

/// <summary>One overlay as <c>kubectl kustomize</c> renders it: the documents an operator would apply.</summary>
public sealed class Manifests
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Rendered = new();

    private readonly List<YamlMappingNode> _documents;

    private Manifests(string overlay, List<YamlMappingNode> documents)
    {
        Overlay = overlay;
        _documents = documents;
    }

    public string Overlay { get; }

    public IReadOnlyList<YamlMappingNode> Documents => _documents;

    /// <summary>Drops a resource (for the tests that break a manifest on purpose).</summary>
    public void Remove(string kind, string name) => _documents.Remove(Find(kind, name) ?? throw new InvalidOperationException($"no {kind}/{name}"));

    /// <summary>Renders the overlay once per test run; every call parses a fresh copy, so a test may change it.</summary>
    public static async Task<Manifests> RenderAsync(string overlay)
    {
        var text = await Rendered.GetOrAdd(overlay, o => new Lazy<Task<string>>(() => Kubectl.KustomizeAsync(Kubectl.OverlayPath(o)))).Value;
        return Parse(overlay, text);
    }

    public static Manifests Parse(string overlay, string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new Manifests(overlay, stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList());
    }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Documents.Where(d => d.Str("kind") == kind);

    public YamlMappingNode? Find(string kind, string name) => OfKind(kind).FirstOrDefault(d => d.Map("metadata").Str("name") == name);

    public IEnumerable<Workload> Workloads =>
        Documents.Where(d => d.Str("kind") is "Deployment" or "StatefulSet").Select(d => new Workload(d));

    public Workload? Deployment(string name) => Find("Deployment", name) is { } d ? new Workload(d) : null;

    /// <summary>The workloads whose pods a Service of this name sends traffic to.</summary>
    public IEnumerable<Workload> BehindService(string name) =>
        Find("Service", name)?.Map("spec").Map("selector") is { } selector && selector.Children.Count > 0
            ? Workloads.Where(w => Labels.MatchLabels(selector.Pairs(), w.PodLabels))
            : [];

    /// <summary>
    /// Every variable a container gets: its own <c>env</c> (value, or null when it comes from a Secret or
    /// field) and the data of each ConfigMap it takes whole with <c>envFrom</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> EnvironmentOf(YamlNode container)
    {
        var environment = new Dictionary<string, string?>();
        foreach (var source in container.Seq("envFrom"))
        {
            if (source.Map("configMapRef")?.Str("name") is { } configMap && Find("ConfigMap", configMap) is { } map)
            {
                foreach (var (key, value) in map.Map("data").Pairs())
                {
                    environment[key] = value;
                }
            }
        }

        foreach (var variable in container.Seq("env"))
        {
            if (variable.Str("name") is { } name)
            {
                environment[name] = variable.Str("value");
            }
        }

        return environment;
    }
}

public sealed class Workload(YamlMappingNode resource)
{
    public YamlMappingNode Resource { get; } = resource;

    public string Kind => Resource.Str("kind")!;

    public string Name => Resource.Map("metadata").Str("name")!;

    public YamlMappingNode? PodSpec => Resource.Map("spec").Map("template").Map("spec");

    public IReadOnlyDictionary<string, string> PodLabels => Resource.Map("spec").Map("template").Map("metadata").Map("labels").Pairs();

    public IReadOnlyList<YamlNode> Containers => PodSpec.Seq("containers");

    public IReadOnlyList<YamlNode> InitContainers => PodSpec.Seq("initContainers");

    public IEnumerable<YamlNode> AllContainers => InitContainers.Concat(Containers);

    /// <summary>The container named like the workload (the service itself), else the first.</summary>
    public YamlNode? MainContainer => Containers.FirstOrDefault(c => c.Str("name") == Name) ?? Containers.FirstOrDefault();

    public override string ToString() => $"{Kind}/{Name}";
}

public static class Labels
{
    public static bool MatchLabels(IReadOnlyDictionary<string, string> required, IReadOnlyDictionary<string, string> labels) =>
        required.All(r => labels.TryGetValue(r.Key, out var v) && v == r.Value);

    /// <summary>Kubernetes label-selector semantics (matchLabels and matchExpressions); an empty selector selects everything.</summary>
    public static bool Selects(YamlNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (!MatchLabels(selector.Map("matchLabels").Pairs(), labels))
        {
            return false;
        }

        foreach (var expression in selector.Seq("matchExpressions"))
        {
            var key = expression.Str("key")!;
            var values = expression.Seq("values").OfType<YamlScalarNode>().Select(v => v.Value).ToHashSet();
            var has = labels.TryGetValue(key, out var value);
            var ok = expression.Str("operator") switch
            {
                "In" => has && values.Contains(value),
                "NotIn" => !has || !values.Contains(value),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
