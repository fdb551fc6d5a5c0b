using YamlDotNet.RepresentationModel;

namespace CityEServices.Deployment.Tests;

/// <summary>
/// The pods an overlay makes, as NetworkPolicies see them: those of its Deployments and StatefulSets,
/// and those the operators make from its custom resources (a CloudNativePG Cluster, a RabbitmqCluster),
/// with the labels and ports the operators give them.
/// </summary>
public sealed record PodGroup(string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, int> NamedPorts)
{
    public override string ToString() => Name;

    public static IReadOnlyList<PodGroup> Of(Manifests manifests)
    {
        var groups = manifests.Workloads
            .Select(w => new PodGroup(w.ToString(), w.PodLabels, w.Containers
                .SelectMany(c => c.Seq("ports"))
                .Where(p => p.Str("name") is not null && int.TryParse(p.Str("containerPort"), out _))
                .ToDictionary(p => p.Str("name")!, p => int.Parse(p.Str("containerPort")!))))
            .ToList();

        foreach (var cluster in manifests.OfKind("Cluster").Where(c => c.Str("apiVersion")!.StartsWith("postgresql.cnpg.io/", StringComparison.Ordinal)))
        {
            var name = cluster.Map("metadata").Str("name")!;
            var labels = new Dictionary<string, string>(cluster.Map("spec").Map("inheritedMetadata").Map("labels").Pairs())
            {
                ["cnpg.io/cluster"] = name,
                ["cnpg.io/podRole"] = "instance",
            };
            groups.Add(new PodGroup($"Cluster/{name}", labels, new Dictionary<string, int> { ["postgresql"] = 5432, ["metrics"] = 9187, ["status"] = 8000 }));
        }

        foreach (var cluster in manifests.OfKind("RabbitmqCluster"))
        {
            var name = cluster.Map("metadata").Str("name")!;
            var labels = new Dictionary<string, string>
            {
                ["app.kubernetes.io/name"] = name,
                ["app.kubernetes.io/component"] = "rabbitmq",
                ["app.kubernetes.io/part-of"] = "rabbitmq",
            };
            groups.Add(new PodGroup($"RabbitmqCluster/{name}", labels, new Dictionary<string, int> { ["amqp"] = 5672, ["management"] = 15672, ["prometheus"] = 15692 }));
        }

        return groups;
    }

    /// <summary>A NetworkPolicy port (a number or the name of a port of the destination pod) as a number here, if it is one.</summary>
    public int? Resolve(string port) =>
        int.TryParse(port, out var number) ? number : NamedPorts.TryGetValue(port, out var named) ? named : null;
}

/// <summary>What the NetworkPolicies of an overlay let through, in both directions, for pods in its namespace.</summary>
public sealed class PolicyModel(Manifests manifests)
{
    private readonly List<YamlMappingNode> _policies = manifests.OfKind("NetworkPolicy").ToList();

    public IEnumerable<YamlMappingNode> Selecting(PodGroup pods, string type) =>
        _policies.Where(p => PolicyTypes(p).Contains(type) && Labels.Selects(p.Map("spec").Map("podSelector"), pods.Labels));

    /// <summary>The egress rules that apply to <paramref name="from"/>, each with the policy it comes from.</summary>
    public IEnumerable<(string Policy, YamlNode Rule)> EgressRules(PodGroup from) =>
        Selecting(from, "Egress").SelectMany(p => p.Map("spec").Seq("egress").Select(r => (Name(p), r)));

    /// <summary>Whether <paramref name="from"/> may open a connection to <paramref name="to"/> on <paramref name="port"/>: its egress and the destination's ingress both allow it.</summary>
    public bool Allows(PodGroup from, PodGroup to, int port) => EgressAllows(from, to, port) && IngressAllows(from, to, port);

    public bool EgressAllows(PodGroup from, PodGroup to, int port)
    {
        var policies = Selecting(from, "Egress").ToList();
        return policies.Count == 0 || policies.Any(p => p.Map("spec").Seq("egress").Any(r => RuleAllows(r, "to", peer: to, destination: to, port)));
    }

    public bool IngressAllows(PodGroup from, PodGroup to, int port)
    {
        var policies = Selecting(to, "Ingress").ToList();
        // default-deny-ingress selects every pod: a pod no rule opens is closed.
        return policies.Any(p => p.Map("spec").Seq("ingress").Any(r => RuleAllows(r, "from", peer: from, destination: to, port)));
    }

    /// <summary>A rule's peers include <paramref name="peer"/> (a pod of this namespace) and its ports include <paramref name="port"/> of <paramref name="destination"/>.</summary>
    private static bool RuleAllows(YamlNode rule, string direction, PodGroup peer, PodGroup destination, int port)
    {
        var peers = rule.Seq(direction);
        var peerMatches = peers.Count == 0 || peers.Any(p => p.Map("namespaceSelector") is null && p.Map("ipBlock") is null
            && Labels.Selects(p.Map("podSelector"), peer.Labels));
        var ports = rule.Seq("ports");
        var portMatches = ports.Count == 0 || ports.Any(p => p.Str("port") is not { } value || destination.Resolve(value) == port);
        return peerMatches && portMatches;
    }

    public static string Name(YamlNode policy) => $"NetworkPolicy/{policy.Map("metadata").Str("name")}";

    public static IReadOnlyList<string> PolicyTypes(YamlNode policy) =>
        policy.Map("spec").Seq("policyTypes").OfType<YamlScalarNode>().Select(t => t.Value!).ToList();
}
