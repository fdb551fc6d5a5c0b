using CityEServices.AppHost.Infrastructure;

namespace CityEServices.Deployment.Tests;

/// <summary>
/// Egress: each service may open connections only to what it uses — its own database, the broker, Redis,
/// identity, the services it calls (the AppHost's wiring, and the gRPC servers its Grpc__* names) — plus
/// DNS; and every one of those connections is let through by both sides' policies. The one exception is
/// a service whose job is to call out of the city (notifications: subscribers' webhooks, the SMS provider):
/// it may reach public addresses on 443, never the cluster's or the node's own (private, loopback,
/// link-local: the SSRF ranges it refuses itself).
/// </summary>
public static class EgressChecks
{
    /// <summary>Services that call the internet, and the ranges their outside rule must leave out.</summary>
    public static readonly IReadOnlySet<string> CallOutside = new HashSet<string> { "notifications" };

    public static readonly string[] NeverOutside = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16"];

    /// <summary>One connection a project opens: to these pods, on this port, for this reason.</summary>
    public sealed record Need(PodGroup To, int Port, string What);

    public static IEnumerable<string> Egress(Manifests manifests, IReadOnlyList<ProjectModel> projects)
    {
        var groups = PodGroup.Of(manifests);
        var policies = new PolicyModel(manifests);
        foreach (var project in projects)
        {
            if (groups.FirstOrDefault(g => g.Name == $"Deployment/{project.Name}") is not { } self)
            {
                continue;
            }

            var needs = new List<Need>();
            var problems = new List<string>();
            NeedsOf(manifests, groups, project, needs, problems);
            foreach (var problem in problems)
            {
                yield return problem;
            }

            var rules = policies.EgressRules(self).ToList();
            if (rules.Count == 0)
            {
                yield return $"{manifests.Overlay}: no egress NetworkPolicy selects {self}: it may connect anywhere";
                continue;
            }

            foreach (var (policy, rule) in rules)
            {
                var peers = rule.Seq("to");
                if (peers.Count == 0)
                {
                    yield return $"{manifests.Overlay}: {policy} lets {self} connect to every address (an egress rule without 'to')";
                }

                if (rule.Seq("ports").Count == 0)
                {
                    yield return $"{manifests.Overlay}: {policy} lets {self} connect on every port (an egress rule without 'ports')";
                }

                foreach (var peer in peers)
                {
                    if (peer.Map("ipBlock")?.Str("cidr") is { } cidr && CallOutside.Contains(project.Name))
                    {
                        var except = peer.Map("ipBlock").Seq("except").OfType<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(e => e.Value).ToHashSet();
                        foreach (var range in NeverOutside.Where(r => !except.Contains(r)))
                        {
                            yield return $"{manifests.Overlay}: {policy} lets {self} connect to {cidr} without excepting {range}: its calls out must never reach the cluster's own addresses";
                        }

                        if (rule.Seq("ports").Any(p => p.Str("port") != "443"))
                        {
                            yield return $"{manifests.Overlay}: {policy} lets {self} connect outside on ports other than 443";
                        }
                    }
                    else if (peer.Map("ipBlock")?.Str("cidr") is { } cidr2)
                    {
                        yield return $"{manifests.Overlay}: {policy} lets {self} connect to addresses {cidr2}; it needs none outside the namespace but DNS";
                    }
                    else if (peer.Map("namespaceSelector") is not null && !IsDns(peer, rule))
                    {
                        yield return $"{manifests.Overlay}: {policy} lets {self} connect to another namespace; only DNS (kube-system, k8s-app: kube-dns, port 53) is needed";
                    }
                }
            }

            var wanted = needs.Select(n => n.To.Name).ToHashSet();
            foreach (var other in groups.Where(g => g != self && !wanted.Contains(g.Name)))
            {
                if (rules.Any(r => r.Rule.Seq("to").Any(p => p.Map("namespaceSelector") is null && p.Map("ipBlock") is null && Labels.Selects(p.Map("podSelector"), other.Labels))))
                {
                    yield return $"{manifests.Overlay}: {self} may connect to {other}, which it does not use";
                }
            }

            foreach (var need in needs)
            {
                if (!policies.EgressAllows(self, need.To, need.Port))
                {
                    yield return $"{manifests.Overlay}: {self} cannot reach {need.What} ({need.To}, port {need.Port}): no egress rule lets it";
                }
                else if (!policies.IngressAllows(self, need.To, need.Port))
                {
                    yield return $"{manifests.Overlay}: {need.To} does not admit {self} on port {need.Port} ({need.What}): no ingress rule lets it in";
                }
            }
        }
    }

    /// <summary>Where <paramref name="project"/> connects, from the AppHost's references and its own gRPC addresses.</summary>
    public static void NeedsOf(Manifests manifests, IReadOnlyList<PodGroup> groups, ProjectModel project, List<Need> needs, List<string> problems)
    {
        var environment = manifests.Deployment(project.Name)?.MainContainer is { } main ? manifests.EnvironmentOf(main) : new Dictionary<string, string?>();
        var grpcClientOf = environment.Keys.Where(k => k.StartsWith("Grpc__", StringComparison.Ordinal) && k.Count(c => c == '_') == 2)
            .Select(k => k["Grpc__".Length..]).ToHashSet();
        // Servers and other projects; parameters ({admin-password.value}) are values, not places to connect to.
        foreach (var reference in project.References.Where(r => project.Environment.Values.Any(v => v.Contains($"{{{r}.bindings.", StringComparison.Ordinal)
            || v.Contains($"{{{r}.connectionString}}", StringComparison.Ordinal))).Order(StringComparer.Ordinal))
        {
            var servers = ServersOf(manifests, groups, reference, project.Name).ToList();
            if (servers.Count == 0)
            {
                problems.Add($"{manifests.Overlay}: '{project.Name}' uses {reference} in the AppHost, but nothing in the overlay serves it");
                continue;
            }

            foreach (var server in servers)
            {
                foreach (var port in PortsOf(project, reference, server, grpcClientOf.Contains(reference)))
                {
                    needs.Add(new Need(server, port, reference));
                }
            }
        }

        // gRPC clients the manifests configure beyond the AppHost's wiring (the archive asks office management).
        foreach (var callee in grpcClientOf.Where(c => !project.References.Contains(c)))
        {
            if (groups.FirstOrDefault(g => g.Name == $"Deployment/{callee}") is { } target && target.Resolve("grpc") is { } port)
            {
                needs.Add(new Need(target, port, $"{callee}'s gRPC (Grpc__{callee})"));
            }
        }
    }

    /// <summary>
    /// The pods serving an AppHost resource: those behind the Service of that name (the projects, the dev
    /// servers); else, in prod, the CloudNativePG cluster holding the owner's database, the RabbitMQ
    /// cluster, or Redis behind its Sentinels.
    /// </summary>
    public static IEnumerable<PodGroup> ServersOf(Manifests manifests, IReadOnlyList<PodGroup> groups, string reference, string owner)
    {
        var behind = manifests.BehindService(reference).Select(w => w.ToString()).ToHashSet();
        if (behind.Count > 0)
        {
            return groups.Where(g => behind.Contains(g.Name));
        }

        if (CityInfrastructure.Databases.TryGetValue(reference, out var database))
        {
            var clusters = manifests.OfKind("Database")
                .Where(d => d.Map("spec").Str("name") == database && d.Map("spec").Str("owner") == owner)
                .Select(d => $"Cluster/{d.Map("spec").Map("cluster").Str("name")}")
                .ToHashSet();
            return groups.Where(g => clusters.Contains(g.Name));
        }

        if (reference == "rabbitmq")
        {
            return groups.Where(g => g.Name.StartsWith("RabbitmqCluster/", StringComparison.Ordinal));
        }

        var sentinels = manifests.BehindService(reference + "-sentinel").Select(w => w.ToString()).ToHashSet();
        return groups.Where(g => sentinels.Contains(g.Name));
    }

    private static IEnumerable<int> PortsOf(ProjectModel project, string reference, PodGroup server, bool grpcClient)
    {
        // Another project: of the endpoints the AppHost hands out ({property.bindings.grpc.url} → grpc), the
        // gRPC one where the project is that server's gRPC client (Grpc__<server>: urban planning asks
        // property), the others where it is not (the gateway proxies HTTP): WithReference hands out both.
        var endpoints = project.Environment.Values
            .SelectMany(v => System.Text.RegularExpressions.Regex.Matches(v, $@"\{{{reference}\.bindings\.([a-z0-9-]+)\.url\}}").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        if (endpoints.Count > 0)
        {
            return endpoints.Where(e => (e == "grpc") == grpcClient).Select(server.Resolve).OfType<int>();
        }

        if (CityInfrastructure.Databases.ContainsKey(reference))
        {
            return [server.Resolve("postgresql") ?? server.Resolve("postgres") ?? 5432];
        }

        if (reference == "rabbitmq")
        {
            return [server.Resolve("amqp") ?? 5672];
        }

        // Redis, and its Sentinels where it has them (clients ask them where the primary is).
        return server.Resolve("sentinel") is { } sentinel ? [server.Resolve("redis") ?? 6379, sentinel] : [server.Resolve("redis") ?? 6379];
    }

    private static bool IsDns(YamlDotNet.RepresentationModel.YamlNode peer, YamlDotNet.RepresentationModel.YamlNode rule) =>
        peer.Map("namespaceSelector").Map("matchLabels").Pairs().GetValueOrDefault("kubernetes.io/metadata.name") == "kube-system"
        && peer.Map("podSelector").Map("matchLabels").Pairs().GetValueOrDefault("k8s-app") == "kube-dns"
        && rule.Seq("ports").Count > 0
        && rule.Seq("ports").All(p => p.Str("port") == "53");
}
