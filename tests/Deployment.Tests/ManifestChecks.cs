using CityEServices.AppHost.Infrastructure;
using CityEServices.ServiceDefaults.Health;
using YamlDotNet.RepresentationModel;

namespace CityEServices.Deployment.Tests;

/// <summary>
/// Each check returns what is wrong, one sentence a problem naming the overlay and the resource, so a
/// failing test says what to fix; the tests that break a manifest on purpose read these sentences too.
/// </summary>
public static class ManifestChecks
{
    /// <summary>
    /// Variables the AppHost sets only for a local run: Aspire's telemetry tweaks for its dashboard, and
    /// ASPNETCORE_URLS, which the Kestrel__Endpoints__* settings (set by the manifests) override.
    /// </summary>
    public static bool IsLocalOnly(string variable) =>
        variable.StartsWith("OTEL_", StringComparison.Ordinal) || variable == "ASPNETCORE_URLS";

    /// <summary>
    /// Aspire gives some values under a second name for non-.NET consumers: ConnectionStrings__property_db
    /// beside ConnectionStrings__property-db, PROPERTY_GRPC beside services__property__grpc__0. The .NET
    /// services read the first; the manifests set that one.
    /// </summary>
    public static string? AliasOf(string variable, IReadOnlyDictionary<string, string> environment)
    {
        if (variable.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && variable.Contains('_', StringComparison.Ordinal))
        {
            var dashed = "ConnectionStrings__" + variable["ConnectionStrings__".Length..].Replace('_', '-');
            if (dashed != variable && environment.ContainsKey(dashed))
            {
                return dashed;
            }
        }

        var parts = variable.Split('_');
        if (parts.Length == 2 && variable == variable.ToUpperInvariant())
        {
            var discovery = $"services__{parts[0].ToLowerInvariant()}__{parts[1].ToLowerInvariant()}__0";
            if (environment.ContainsKey(discovery))
            {
                return discovery;
            }
        }

        return null;
    }

    public static IEnumerable<string> EveryProjectHasADeployment(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        foreach (var project in projects)
        {
            var deployment = manifests.Deployment(project.Name);
            if (deployment is null)
            {
                yield return $"{manifests.Overlay}: the AppHost's project '{project.Name}' has no Deployment named '{project.Name}'";
                continue;
            }

            if (deployment.Containers.All(c => c.Str("name") != project.Name))
            {
                yield return $"{manifests.Overlay}: {deployment} has no container named '{project.Name}'";
            }

            var image = deployment.MainContainer.Str("image") ?? "";
            if (!Images.Repository(image).EndsWith(ContainerSettings.Repository(project.Name), StringComparison.Ordinal))
            {
                yield return $"{manifests.Overlay}: {deployment} runs image '{image}', not the project's image {ContainerSettings.Repository(project.Name)} (deploy/Containers.props)";
            }
        }
    }

    /// <summary>Every variable the AppHost gives a service is set in its Deployment, for the service and for its migration run.</summary>
    public static IEnumerable<string> EnvironmentProvided(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        foreach (var project in projects)
        {
            if (manifests.Deployment(project.Name) is not { } deployment)
            {
                continue;
            }

            foreach (var container in deployment.AllContainers)
            {
                var environment = manifests.EnvironmentOf(container);
                foreach (var (name, value) in project.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    if (IsLocalOnly(name) || AliasOf(name, project.Environment) is not null)
                    {
                        continue;
                    }

                    if (!environment.TryGetValue(name, out var provided))
                    {
                        yield return $"{manifests.Overlay}: {deployment} container '{container.Str("name")}' does not set {name}, which the AppHost gives '{project.Name}' (AppHost value: {value})";
                    }
                    else if (name.EndsWith("__Protocols", StringComparison.Ordinal) && provided != value)
                    {
                        yield return $"{manifests.Overlay}: {deployment} container '{container.Str("name")}' sets {name}={provided}, the AppHost {value}";
                    }
                }

                foreach (var variable in container.Seq("env"))
                {
                    if (variable.Map("valueFrom").Map("secretKeyRef") is { } secret && (string.IsNullOrEmpty(secret.Str("name")) || string.IsNullOrEmpty(secret.Str("key"))))
                    {
                        yield return $"{manifests.Overlay}: {deployment} variable {variable.Str("name")} names no Secret or key";
                    }
                }
            }
        }
    }

    /// <summary>
    /// Every service the AppHost gives a database migrates it in an init container <c>migrate</c> (its own
    /// image with <c>--Database:MigrateOnly=true</c>) and does not migrate again when it starts
    /// (<c>Database__MigrateOnStartup=false</c>): the schema is current before any pod of a new version
    /// serves, and a failed migration stops the rollout instead of crash-looping serving pods.
    /// </summary>
    public static IEnumerable<string> MigrationsRunBeforeServing(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        foreach (var project in projects)
        {
            var databases = project.References.Where(CityInfrastructure.Databases.ContainsKey).Order().ToList();
            if (databases.Count == 0 || manifests.Deployment(project.Name) is not { MainContainer: { } container } deployment)
            {
                continue;
            }

            var image = container.Str("image");
            var migrate = deployment.InitContainers.FirstOrDefault(c => c.Str("name") == "migrate");
            if (migrate is null)
            {
                yield return $"{manifests.Overlay}: {deployment} has no init container 'migrate', so nothing migrates {string.Join(", ", databases)} before '{project.Name}' serves";
            }
            else
            {
                if (migrate.Str("image") != image)
                {
                    yield return $"{manifests.Overlay}: {deployment} init container 'migrate' runs image '{migrate.Str("image")}', not the service's '{image}' (it must apply this version's migrations)";
                }

                if (!migrate.Seq("args").OfType<YamlScalarNode>().Any(a => a.Value == "--Database:MigrateOnly=true"))
                {
                    yield return $"{manifests.Overlay}: {deployment} init container 'migrate' does not pass --Database:MigrateOnly=true, so it would serve instead of ending after the migration";
                }
            }

            if (manifests.EnvironmentOf(container).GetValueOrDefault("Database__MigrateOnStartup") != "false")
            {
                yield return $"{manifests.Overlay}: {deployment} container '{project.Name}' does not set Database__MigrateOnStartup=false, so it migrates again at start-up instead of leaving it to the init container";
            }
        }
    }

    /// <summary>Connection strings and passwords come from Secrets, never from a value in the manifests.</summary>
    public static IEnumerable<string> SecretsStayOutOfGit(Manifests manifests)
    {
        foreach (var secret in manifests.OfKind("Secret"))
        {
            yield return $"{manifests.Overlay}: Secret/{secret.Map("metadata").Str("name")} is in the manifests; create it in the cluster instead (README)";
        }

        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                foreach (var (name, value) in manifests.EnvironmentOf(container))
                {
                    if (value is not null && IsSecretName(name))
                    {
                        yield return $"{manifests.Overlay}: {workload} container '{container.Str("name")}' has {name} as a plain value; it must come from a Secret (secretKeyRef)";
                    }
                }
            }
        }
    }

    private static bool IsSecretName(string name) =>
        name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
        || name.Contains("SECRET", StringComparison.OrdinalIgnoreCase)
        || name.Contains("KeyPem", StringComparison.OrdinalIgnoreCase);

    /// <summary>Container ports, Kestrel's endpoints, the Service's ports and the probes agree with the AppHost and the services.</summary>
    public static IEnumerable<string> PortsAndProbes(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        foreach (var project in projects)
        {
            if (manifests.Deployment(project.Name) is not { MainContainer: { } container } deployment)
            {
                continue;
            }

            var ports = container.Seq("ports").ToDictionary(p => p.Str("name") ?? "", p => p.Str("containerPort") ?? "");
            var environment = manifests.EnvironmentOf(container);
            var service = manifests.Find("Service", project.Name);
            if (service is null)
            {
                yield return $"{manifests.Overlay}: the AppHost's project '{project.Name}' has no Service named '{project.Name}'";
            }

            foreach (var endpoint in project.Endpoints)
            {
                if (!ports.TryGetValue(endpoint.Name, out var containerPort))
                {
                    yield return $"{manifests.Overlay}: {deployment} has no container port named '{endpoint.Name}' (the AppHost's endpoint)";
                    continue;
                }

                var url = environment.GetValueOrDefault($"Kestrel__Endpoints__{endpoint.Name}__Url");
                if (url is null || !url.EndsWith(":" + containerPort, StringComparison.Ordinal))
                {
                    yield return $"{manifests.Overlay}: {deployment} Kestrel endpoint '{endpoint.Name}' listens on '{url}', but its container port is {containerPort}";
                }

                var servicePort = service.Map("spec").Seq("ports").FirstOrDefault(p => p.Str("name") == endpoint.Name);
                if (service is not null && (servicePort is null || (servicePort.Str("targetPort") is { } target && target != endpoint.Name && target != containerPort)))
                {
                    yield return $"{manifests.Overlay}: Service/{project.Name} has no port '{endpoint.Name}' that targets container port {containerPort}";
                }
            }

            // Readiness is the service's own database only (HealthPaths.Readiness), not the full /health report:
            // a Redis or broker blip must not take every pod of every service out of the load balancer.
            foreach (var problem in Probe(manifests.Overlay, deployment, container, "readinessProbe", [HealthPaths.Readiness], ports))
            {
                yield return problem;
            }

            foreach (var problem in Probe(manifests.Overlay, deployment, container, "livenessProbe", [HealthPaths.Alive], ports))
            {
                yield return problem;
            }

            foreach (var problem in Probe(manifests.Overlay, deployment, container, "startupProbe", [HealthPaths.Alive, HealthPaths.Readiness], ports))
            {
                yield return problem;
            }

            if (container.Map("startupProbe") is { } startup && StartupBudget(startup) < MinimumStartupBudget)
            {
                yield return $"{manifests.Overlay}: {deployment} startupProbe gives a start {StartupBudget(startup)} s before liveness may restart it; give it at least {MinimumStartupBudget} s (periodSeconds x failureThreshold)";
            }
        }
    }

    /// <summary>
    /// A variable whose AppHost value is another resource's endpoint (<c>{property.bindings.grpc.url}</c>)
    /// holds, in the manifests, the address of that resource's Service and the port of the same name.
    /// </summary>
    public static IEnumerable<string> AddressesPointAtServices(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        foreach (var project in projects)
        {
            if (manifests.Deployment(project.Name) is not { MainContainer: { } container } deployment)
            {
                continue;
            }

            var environment = manifests.EnvironmentOf(container);
            foreach (var (name, value) in project.Environment)
            {
                var match = System.Text.RegularExpressions.Regex.Match(value, @"^\{([a-z0-9-]+)\.bindings\.([a-z0-9-]+)\.url\}$");
                if (!match.Success || AliasOf(name, project.Environment) is not null || environment.GetValueOrDefault(name) is not { } provided)
                {
                    continue;
                }

                var (target, endpoint) = (match.Groups[1].Value, match.Groups[2].Value);
                var port = manifests.Find("Service", target)?.Map("spec").Seq("ports").FirstOrDefault(p => p.Str("name") == endpoint)?.Str("port");
                var expected = $"http://{target}:{port}";
                if (port is null || provided.TrimEnd('/') != expected)
                {
                    yield return $"{manifests.Overlay}: {deployment} sets {name}={provided}, but Service/{target} serves endpoint '{endpoint}' at {(port is null ? "no port of that name" : expected)}";
                }
            }
        }
    }

    /// <summary>A cold start on a busy 2-core node (JIT, first database round trips) takes tens of seconds.</summary>
    public const int MinimumStartupBudget = 60;

    private static int StartupBudget(YamlNode probe) =>
        (int.TryParse(probe.Str("periodSeconds"), out var period) ? period : 10)
        * (int.TryParse(probe.Str("failureThreshold"), out var failures) ? failures : 3)
        + (int.TryParse(probe.Str("initialDelaySeconds"), out var delay) ? delay : 0);

    private static IEnumerable<string> Probe(string overlay, Workload deployment, YamlNode container, string kind, string[] paths, IReadOnlyDictionary<string, string> ports)
    {
        var probe = container.Map(kind);
        if (probe is null)
        {
            yield return $"{overlay}: {deployment} container '{container.Str("name")}' has no {kind} (expected an HTTP GET of {string.Join(" or ", paths)} on port 'http')";
            yield break;
        }

        var get = probe.Map("httpGet");
        if (get?.Str("path") is not { } path || !paths.Contains(path))
        {
            yield return $"{overlay}: {deployment} {kind} asks '{get?.Str("path")}', but the service answers it on {string.Join(" or ", paths)}";
        }

        var port = get?.Str("port");
        if (port != "http" && port != ports.GetValueOrDefault("http"))
        {
            yield return $"{overlay}: {deployment} {kind} uses port '{port}', not the HTTP/1.1 endpoint 'http' where the health endpoints are";
        }
    }

    /// <summary>Every image names a tag (not latest) or a digest; the suite's own images carry the version of deploy/Containers.props.</summary>
    public static IEnumerable<string> ImagesPinned(Manifests manifests, bool expectBuildVersion)
    {
        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                var image = container.Str("image");
                var tag = image is null ? null : Images.Tag(image);
                if (image is null || image.Contains("@sha256:", StringComparison.Ordinal))
                {
                    if (image is null)
                    {
                        yield return $"{manifests.Overlay}: {workload} container '{container.Str("name")}' has no image";
                    }

                    continue;
                }

                if (tag is null || tag == "latest")
                {
                    yield return $"{manifests.Overlay}: {workload} container '{container.Str("name")}' image '{image}' is not pinned (give it a version tag or a digest, never latest)";
                }
                else if (expectBuildVersion && Images.Repository(image).Contains("cityeservices/", StringComparison.Ordinal) && tag != ContainerSettings.Version)
                {
                    yield return $"{manifests.Overlay}: {workload} image '{image}' is not the version ./city images builds ({ContainerSettings.Version}, deploy/Containers.props)";
                }
            }
        }
    }

    /// <summary>Requests and limits on every container; none runs as root or keeps capabilities; the services' root filesystems are read-only.</summary>
    public static IEnumerable<string> LimitsAndNonRoot(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        var projectNames = projects.Select(p => p.Name).ToHashSet();
        foreach (var workload in manifests.Workloads)
        {
            var pod = workload.PodSpec.Map("securityContext");
            foreach (var container in workload.AllContainers)
            {
                var name = $"{manifests.Overlay}: {workload} container '{container.Str("name")}'";
                var resources = container.Map("resources");
                foreach (var kind in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                    {
                        if (resources.Map(kind).Str(resource) is null)
                        {
                            yield return $"{name} has no {resource} in resources.{kind}";
                        }
                    }
                }

                var security = container.Map("securityContext");
                if ((security.Str("runAsNonRoot") ?? pod.Str("runAsNonRoot")) != "true")
                {
                    yield return $"{name} may run as root: set runAsNonRoot: true";
                }

                var user = security.Str("runAsUser") ?? pod.Str("runAsUser");
                if (user == "0")
                {
                    yield return $"{name} runs as user 0 (root)";
                }

                if (security.Str("allowPrivilegeEscalation") != "false")
                {
                    yield return $"{name} allows privilege escalation";
                }

                if (!security.Map("capabilities").Seq("drop").OfType<YamlScalarNode>().Any(c => c.Value == "ALL"))
                {
                    yield return $"{name} keeps Linux capabilities: drop ALL";
                }

                if (projectNames.Contains(workload.Name))
                {
                    if (security.Str("readOnlyRootFilesystem") != "true")
                    {
                        yield return $"{name} has a writable root filesystem (readOnlyRootFilesystem: true, with an emptyDir on /tmp)";
                    }

                    if (user != ContainerSettings.User)
                    {
                        yield return $"{name} runs as user '{user}', not the image's user {ContainerSettings.User} (deploy/Containers.props)";
                    }
                }
            }
        }
    }

    /// <summary>
    /// Ingress is denied by default; each workload admits exactly the callers the AppHost wires to it
    /// (its resource name is its Service's name); only the gateway is reachable from outside; a
    /// database admits its owner and nobody else.
    /// </summary>
    public static IEnumerable<string> NetworkPolicies(Manifests manifests, IReadOnlyList<ProjectModel> projects)
    {
        var policies = manifests.OfKind("NetworkPolicy").ToList();
        if (!policies.Any(p => IsEmptySelector(p.Map("spec").Map("podSelector")) && PolicyTypes(p).Contains("Ingress") && p.Map("spec").Seq("ingress").Count == 0))
        {
            yield return $"{manifests.Overlay}: no default-deny ingress NetworkPolicy (podSelector: {{}}, policyTypes: [Ingress], no rules): pods without a policy of their own are open to the whole cluster";
        }

        var workloads = manifests.Workloads.ToList();
        foreach (var workload in workloads)
        {
            var admitted = new HashSet<string>();
            var fromOutside = new List<string>();
            foreach (var policy in policies.Where(p => PolicyTypes(p).Contains("Ingress") && Labels.Selects(p.Map("spec").Map("podSelector"), workload.PodLabels)))
            {
                var policyName = $"NetworkPolicy/{policy.Map("metadata").Str("name")}";
                foreach (var rule in policy.Map("spec").Seq("ingress"))
                {
                    var peers = rule.Seq("from");
                    if (peers.Count == 0)
                    {
                        yield return $"{manifests.Overlay}: {policyName} opens {workload} to every pod and address (a rule without 'from')";
                    }

                    foreach (var peer in peers)
                    {
                        if (peer.Map("namespaceSelector") is not null || peer.Map("ipBlock") is not null)
                        {
                            fromOutside.Add(policyName);
                        }
                        else
                        {
                            admitted.UnionWith(workloads.Where(w => Labels.Selects(peer.Map("podSelector"), w.PodLabels)).Select(w => w.Name));
                        }
                    }
                }
            }

            if (workload.Name == "gateway" && fromOutside.Count == 0)
            {
                yield return $"{manifests.Overlay}: nothing lets the ingress controller reach {workload}";
            }
            else if (workload.Name != "gateway" && fromOutside.Count > 0)
            {
                yield return $"{manifests.Overlay}: only the gateway may be reachable from outside the namespace, but {string.Join(", ", fromOutside)} opens {workload}";
            }

            var resourceNames = manifests.OfKind("Service").Select(s => s.Map("metadata").Str("name")!)
                .Where(s => manifests.BehindService(s).Any(w => w.Name == workload.Name)).ToList();
            var callers = projects.Where(p => p.References.Overlaps(resourceNames)).Select(p => p.Name).ToList();
            foreach (var caller in callers.Where(c => !admitted.Contains(c)))
            {
                yield return $"{manifests.Overlay}: '{caller}' uses {string.Join("/", resourceNames)} in the AppHost, but no NetworkPolicy lets it reach {workload}";
            }

            if (resourceNames.Any(CityInfrastructure.Databases.ContainsKey))
            {
                foreach (var intruder in admitted.Where(a => !callers.Contains(a)).Order())
                {
                    yield return $"{manifests.Overlay}: database {workload} is open to '{intruder}'; only its owner ({string.Join(", ", callers)}) may reach it";
                }
            }
        }

        // External databases (prod) are guarded by their credentials: only the owner may hold them.
        foreach (var workload in workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                foreach (var variable in container.Seq("env"))
                {
                    var secret = variable.Map("valueFrom").Map("secretKeyRef").Str("name");
                    if (secret is not null && CityInfrastructure.Databases.ContainsKey(secret) && workload.Name != secret
                        && !projects.Any(p => p.Name == workload.Name && p.References.Contains(secret)))
                    {
                        yield return $"{manifests.Overlay}: {workload} reads Secret '{secret}', the credentials of a database it does not own";
                    }
                }
            }
        }
    }

    private static bool IsEmptySelector(YamlNode? selector) =>
        selector is YamlMappingNode map && map.Map("matchLabels") is null && map.Seq("matchExpressions").Count == 0;

    private static IReadOnlyList<string> PolicyTypes(YamlNode policy) =>
        policy.Map("spec").Seq("policyTypes").OfType<YamlScalarNode>().Select(t => t.Value!).ToList();
}

public static class Images
{
    /// <summary>registry.example.org:5000/cityeservices/property:1.2 → registry.example.org:5000/cityeservices/property.</summary>
    public static string Repository(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var slash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        return colon > slash ? withoutDigest[..colon] : withoutDigest;
    }

    public static string? Tag(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var slash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        return colon > slash ? withoutDigest[(colon + 1)..] : null;
    }
}
