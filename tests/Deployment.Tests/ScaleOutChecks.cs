using YamlDotNet.RepresentationModel;

namespace CityEServices.Deployment.Tests;

/// <summary>What many replicas need of the manifests: drain, spread, disruption budgets, balanced gRPC.</summary>
public static class ScaleOutChecks
{
    /// <summary>.NET's HostOptions.ShutdownTimeout when nothing sets it.</summary>
    public const int DefaultShutdownSeconds = 30;

    /// <summary>
    /// A pod that is being stopped keeps serving for a few seconds (preStop) while the endpoint removal
    /// reaches kube-proxy, headless-DNS clients and the Gateway; then the host has its shutdown timeout to
    /// finish in-flight requests; the grace period must cover both, or the kubelet kills it mid-request.
    /// </summary>
    public static IEnumerable<string> GracefulDrain(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        foreach (var project in projects)
        {
            if (manifests.Deployment(project.Name) is not { MainContainer: { } container } deployment)
            {
                continue;
            }

            var preStop = PreStopSeconds(container.Map("lifecycle").Map("preStop"));
            if (preStop is null)
            {
                yield return $"{manifests.Overlay}: {deployment} container '{project.Name}' has no preStop sleep: it stops taking requests before the endpoints and the Gateway stop sending them";
                continue;
            }

            if (preStop < 5 || preStop > 30)
            {
                yield return $"{manifests.Overlay}: {deployment} preStop sleeps {preStop} s; 5 to 30 s lets the endpoint removal spread without holding a rollout";
            }

            var environment = manifests.EnvironmentOf(container);
            var shutdown = int.TryParse(environment.GetValueOrDefault("DOTNET_SHUTDOWNTIMEOUTSECONDS") ?? environment.GetValueOrDefault("shutdownTimeoutSeconds"), out var configured)
                ? configured
                : DefaultShutdownSeconds;
            var grace = int.TryParse(deployment.PodSpec.Str("terminationGracePeriodSeconds"), out var seconds) ? seconds : 30;
            if (grace <= preStop + shutdown)
            {
                yield return $"{manifests.Overlay}: {deployment} terminationGracePeriodSeconds is {grace}, not more than preStop ({preStop} s) plus the host's shutdown timeout ({shutdown} s): requests still running are killed";
            }
        }
    }

    /// <summary>The seconds a preStop hook waits: the sleep action, or an exec of sleep N.</summary>
    public static int? PreStopSeconds(YamlNode? preStop)
    {
        if (int.TryParse(preStop.Map("sleep").Str("seconds"), out var seconds))
        {
            return seconds;
        }

        var command = preStop.Map("exec").Seq("command").OfType<YamlScalarNode>().Select(c => c.Value ?? "").ToList();
        var sleep = command.FindIndex(c => c == "sleep" || c.EndsWith("/sleep", StringComparison.Ordinal));
        return sleep >= 0 && sleep + 1 < command.Count && int.TryParse(command[sleep + 1], out var exec) ? exec : null;
    }

    /// <summary>Replicas spread over nodes (kubernetes.io/hostname) and zones (topology.kubernetes.io/zone, never blocking scheduling).</summary>
    public static IEnumerable<string> TopologySpread(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        foreach (var project in projects)
        {
            if (manifests.Deployment(project.Name) is not { } deployment)
            {
                continue;
            }

            var constraints = deployment.PodSpec.Seq("topologySpreadConstraints");
            foreach (var key in new[] { "kubernetes.io/hostname", "topology.kubernetes.io/zone" })
            {
                var constraint = constraints.FirstOrDefault(c => c.Str("topologyKey") == key);
                if (constraint is null)
                {
                    yield return $"{manifests.Overlay}: {deployment} has no topology spread constraint over {key}";
                    continue;
                }

                if (!Labels.Selects(constraint.Map("labelSelector"), deployment.PodLabels) || constraint.Map("labelSelector") is null)
                {
                    yield return $"{manifests.Overlay}: {deployment} spreads over {key} pods its labelSelector does not pick: its own pods are not spread";
                }

                if (!int.TryParse(constraint.Str("maxSkew"), out var skew) || skew < 1)
                {
                    yield return $"{manifests.Overlay}: {deployment} spread over {key} has no maxSkew of 1 or more";
                }

                if (key == "topology.kubernetes.io/zone" && constraint.Str("whenUnsatisfiable") != "ScheduleAnyway")
                {
                    yield return $"{manifests.Overlay}: {deployment} spread over zones is {constraint.Str("whenUnsatisfiable") ?? "DoNotSchedule"}: a cluster in one zone, or a zone lost, would leave pods unscheduled (ScheduleAnyway)";
                }
            }
        }
    }

    /// <summary>
    /// Every Deployment has a PodDisruptionBudget that lets a node drain go on: at least one pod of it may
    /// be evicted at any time (maxUnavailable ≥ 1, or minAvailable below its fewest replicas).
    /// </summary>
    public static IEnumerable<string> DisruptionBudgets(Manifests manifests)
    {
        var budgets = manifests.OfKind("PodDisruptionBudget").ToList();
        foreach (var deployment in manifests.Workloads.Where(w => w.Kind == "Deployment"))
        {
            var budget = budgets.FirstOrDefault(b => Labels.Selects(b.Map("spec").Map("selector"), deployment.PodLabels));
            if (budget is null)
            {
                yield return $"{manifests.Overlay}: no PodDisruptionBudget covers {deployment}: a node drain may evict all its pods at once";
                continue;
            }

            var name = $"PodDisruptionBudget/{budget.Map("metadata").Str("name")}";
            var fewest = FewestReplicas(manifests, deployment);
            var spec = budget.Map("spec");
            if (spec.Str("maxUnavailable") is { } maxUnavailable)
            {
                if (maxUnavailable is "0" or "0%")
                {
                    yield return $"{manifests.Overlay}: {name} allows no pod of {deployment} to be evicted: node drains and cluster upgrades block";
                }
            }
            else if (spec.Str("minAvailable") is { } minAvailable)
            {
                var required = minAvailable.EndsWith('%') ? (int)Math.Ceiling(fewest * int.Parse(minAvailable.TrimEnd('%')) / 100.0) : int.Parse(minAvailable);
                if (required >= fewest)
                {
                    yield return $"{manifests.Overlay}: {name} wants {minAvailable} of {deployment} available, but it may run only {fewest}: no pod can be evicted, node drains block";
                }
            }
        }
    }

    private static int FewestReplicas(Manifests manifests, Workload deployment)
    {
        var autoscaler = manifests.OfKind("HorizontalPodAutoscaler")
            .FirstOrDefault(h => h.Map("spec").Map("scaleTargetRef").Str("name") == deployment.Name && h.Map("spec").Map("scaleTargetRef").Str("kind") == "Deployment");
        var replicas = autoscaler?.Map("spec").Str("minReplicas") ?? deployment.Resource.Map("spec").Str("replicas");
        return int.TryParse(replicas, out var count) ? count : 1;
    }

    /// <summary>
    /// Every gRPC server has a headless Service beside its ClusterIP one, and every gRPC client is pointed
    /// at it with a dns:/// address in this overlay's namespace, so calls spread over all replicas.
    /// </summary>
    public static IEnumerable<string> BalancedGrpc(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        var projectList = projects.ToList();
        var servers = projectList.Where(p => p.Endpoints.Any(e => e.Name == "grpc")).Select(p => p.Name).ToList();
        foreach (var server in servers)
        {
            if (manifests.Deployment(server) is not { } deployment)
            {
                continue;
            }

            var name = HeadlessName(server);
            var service = manifests.Find("Service", name);
            if (service is null)
            {
                yield return $"{manifests.Overlay}: gRPC server '{server}' has no headless Service {name}: its clients would stick to one replica";
                continue;
            }

            if (service.Map("spec").Str("clusterIP") != "None")
            {
                yield return $"{manifests.Overlay}: Service/{name} is not headless (clusterIP: None): DNS would give one virtual IP, not the pods";
            }

            if (!Labels.MatchLabels(service.Map("spec").Map("selector").Pairs(), deployment.PodLabels) || service.Map("spec").Map("selector").Pairs().Count == 0)
            {
                yield return $"{manifests.Overlay}: Service/{name} does not select {deployment}'s pods";
            }

            if (service.Map("spec").Seq("ports").FirstOrDefault(p => p.Str("name") == "grpc") is not { } port
                || (port.Str("targetPort") is { } target && target != "grpc" && target != ContainerPort(deployment, "grpc")?.ToString()))
            {
                yield return $"{manifests.Overlay}: Service/{name} has no port 'grpc' to the pods' gRPC endpoint";
            }
        }

        foreach (var project in projectList)
        {
            if (manifests.Deployment(project.Name) is not { MainContainer: { } container } deployment)
            {
                continue;
            }

            var environment = manifests.EnvironmentOf(container);
            // The project's gRPC clients in its code, and any Grpc__ address the manifests give it.
            var called = GrpcClientsInCode(project).Concat(servers.Where(s => environment.ContainsKey($"Grpc__{s}")))
                .Where(servers.Contains)
                .ToHashSet();
            foreach (var server in called.Order(StringComparer.Ordinal))
            {
                var expected = $"dns:///{HeadlessName(server)}.{deployment.Resource.Map("metadata").Str("namespace")}.svc.cluster.local:{ServicePort(manifests, HeadlessName(server))}";
                var actual = environment.GetValueOrDefault($"Grpc__{server}");
                if (actual != expected)
                {
                    yield return $"{manifests.Overlay}: {deployment} sets Grpc__{server}={actual ?? "(nothing)"}, not {expected}: its calls would not spread over {server}'s replicas";
                }
            }
        }
    }

    /// <summary>
    /// The services whose gRPC clients a project makes: <c>AddServiceClient&lt;…&gt;("property")</c> in its
    /// sources, and office management for every user of <c>AddOfficeAuthorizations()</c> (services/Web).
    /// </summary>
    public static IReadOnlySet<string> GrpcClientsInCode(ProjectModel project)
    {
        var clients = new HashSet<string>();
        var directory = Path.GetDirectoryName(project.ProjectPath);
        if (directory is null || !Directory.Exists(directory))
        {
            return clients;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            clients.UnionWith(System.Text.RegularExpressions.Regex.Matches(source, @"AddServiceClient<[^>]+>\(\s*""([a-z0-9]+)""").Select(m => m.Groups[1].Value));
            if (source.Contains("AddOfficeAuthorizations(", StringComparison.Ordinal))
            {
                clients.Add("officemanagement");
            }
        }

        return clients;
    }

    public static string HeadlessName(string server) => $"{server}-grpc-headless";

    private static string? ServicePort(Manifests manifests, string service) =>
        manifests.Find("Service", service)?.Map("spec").Seq("ports").FirstOrDefault(p => p.Str("name") == "grpc")?.Str("port");

    private static int? ContainerPort(Workload workload, string name) =>
        workload.MainContainer.Seq("ports").FirstOrDefault(p => p.Str("name") == name) is { } port && int.TryParse(port.Str("containerPort"), out var number) ? number : null;
}
