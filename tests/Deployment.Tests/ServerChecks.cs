using System.Text.RegularExpressions;
using CityEServices.AppHost.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace CityEServices.Deployment.Tests;

/// <summary>
/// The servers of production on their operators — replicated, backed up, a credential per service — and
/// what every overlay owes them: each service its own Secrets, key prefix and quorum queues.
/// </summary>
public static class ServerChecks
{
    public const int Replicas = 3;

    /// <summary>The Secret a container reads a variable from, or null.</summary>
    public static string? SecretOf(YamlNode? container, string variable) =>
        container.Seq("env").FirstOrDefault(v => v.Str("name") == variable).Map("valueFrom").Map("secretKeyRef").Str("name");

    /// <summary>No two services share a credential: each connection string comes from a Secret no other service reads.</summary>
    public static IEnumerable<string> CredentialsPerService(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        var readers = new Dictionary<string, HashSet<string>>();
        foreach (var project in projects)
        {
            foreach (var container in manifests.Deployment(project.Name)?.AllContainers ?? [])
            {
                foreach (var variable in container.Seq("env").Where(v => v.Str("name")!.StartsWith("ConnectionStrings__", StringComparison.Ordinal)))
                {
                    if (variable.Map("valueFrom").Map("secretKeyRef").Str("name") is { } secret)
                    {
                        (readers.TryGetValue(secret, out var set) ? set : readers[secret] = []).Add(project.Name);
                    }
                }
            }
        }

        foreach (var (secret, names) in readers.Where(r => r.Value.Count > 1).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            yield return $"{manifests.Overlay}: Secret {secret} holds the connection string of {string.Join(", ", names.Order())}: each service needs credentials of its own";
        }
    }

    /// <summary>Every service using Redis has its own key prefix (Redis__KeyPrefix=&lt;service&gt;:), and every service using the broker declares quorum queues.</summary>
    public static IEnumerable<string> PrefixesAndQueues(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        foreach (var project in projects)
        {
            if (manifests.Deployment(project.Name)?.MainContainer is not { } container)
            {
                continue;
            }

            var environment = manifests.EnvironmentOf(container);
            if (project.References.Contains("redis") && environment.GetValueOrDefault("Redis__KeyPrefix") != project.Name + ":")
            {
                yield return $"{manifests.Overlay}: '{project.Name}' uses Redis with key prefix '{environment.GetValueOrDefault("Redis__KeyPrefix")}', not '{project.Name}:' (Redis__KeyPrefix): its keys could meet another service's, and its Redis user allows only {project.Name}:*";
            }

            if (project.References.Contains("rabbitmq") && environment.GetValueOrDefault("Messaging__QueueType") != "quorum")
            {
                yield return $"{manifests.Overlay}: '{project.Name}' does not declare quorum queues (Messaging__QueueType=quorum): a broker node's loss would lose its queue";
            }
        }
    }

    /// <summary>No ExternalName stand-ins: the prod servers are in the overlay.</summary>
    public static IEnumerable<string> NoExternalNames(Manifests manifests) =>
        manifests.OfKind("Service").Where(s => s.Map("spec").Str("type") == "ExternalName")
            .Select(s => $"{manifests.Overlay}: Service/{s.Map("metadata").Str("name")} is an ExternalName stand-in for a server the overlay should run");

    /// <summary>
    /// PostgreSQL on CloudNativePG: three instances, WAL archived and base backups scheduled to object
    /// storage with credentials from a Secret, and for every service its database, owned by its own login
    /// role whose password is the Secret its Deployment connects with.
    /// </summary>
    public static IEnumerable<string> Postgres(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        var clusters = manifests.OfKind("Cluster").Where(c => c.Str("apiVersion")!.StartsWith("postgresql.cnpg.io/", StringComparison.Ordinal)).ToList();
        if (clusters.Count == 0)
        {
            yield return $"{manifests.Overlay}: no CloudNativePG Cluster";
            yield break;
        }

        foreach (var cluster in clusters)
        {
            var name = cluster.Map("metadata").Str("name")!;
            var spec = cluster.Map("spec");
            if (!int.TryParse(spec.Str("instances"), out var instances) || instances < Replicas)
            {
                yield return $"{manifests.Overlay}: Cluster/{name} has {spec.Str("instances") ?? "1"} instance(s); {Replicas} keep a primary and two replicas to fail over to";
            }

            var store = spec.Map("backup").Map("barmanObjectStore");
            if (store?.Str("destinationPath") is null)
            {
                yield return $"{manifests.Overlay}: Cluster/{name} archives no WAL and keeps no backups (spec.backup.barmanObjectStore.destinationPath)";
            }
            else
            {
                var credentials = new[] { "s3Credentials", "azureCredentials", "googleCredentials" }.Select(k => store.Map(k)).FirstOrDefault(c => c is not null);
                var secretRefs = credentials?.Children.Values.OfType<YamlMappingNode>().Where(r => r.Str("name") is not null && r.Str("key") is not null).ToList() ?? [];
                if (credentials is null || (secretRefs.Count == 0 && credentials.Str("inheritFromIAMRole") != "true" && credentials.Str("inheritFromAzureAD") != "true"))
                {
                    yield return $"{manifests.Overlay}: Cluster/{name} names no Secret for its object store's credentials";
                }

                if (spec.Map("backup").Str("retentionPolicy") is null)
                {
                    yield return $"{manifests.Overlay}: Cluster/{name} keeps its backups forever (no backup.retentionPolicy)";
                }
            }

            if (!manifests.OfKind("ScheduledBackup").Any(b => b.Map("spec").Map("cluster").Str("name") == name && b.Map("spec").Str("schedule") is not null
                && (b.Map("spec").Str("method") ?? "barmanObjectStore") == "barmanObjectStore"))
            {
                yield return $"{manifests.Overlay}: no ScheduledBackup takes base backups of Cluster/{name} to the object store";
            }
        }

        foreach (var project in projects)
        {
            foreach (var reference in project.References.Where(CityInfrastructure.Databases.ContainsKey))
            {
                var database = CityInfrastructure.Databases[reference];
                var resource = manifests.OfKind("Database").FirstOrDefault(d => d.Map("spec").Str("name") == database);
                var cluster = clusters.FirstOrDefault(c => c.Map("metadata").Str("name") == resource.Map("spec").Map("cluster").Str("name"));
                if (resource is null || cluster is null)
                {
                    yield return $"{manifests.Overlay}: no Database '{database}' on a Cluster of the overlay for '{project.Name}'";
                    continue;
                }

                var owner = resource.Map("spec").Str("owner");
                if (owner != project.Name)
                {
                    yield return $"{manifests.Overlay}: Database '{database}' is owned by '{owner}', not by '{project.Name}', the service that uses it";
                    continue;
                }

                var role = cluster.Map("spec").Map("managed").Seq("roles").FirstOrDefault(r => r.Str("name") == owner);
                var secret = SecretOf(manifests.Deployment(project.Name)?.MainContainer, $"ConnectionStrings__{reference}");
                if (role is null || role.Str("login") != "true" || (role.Str("ensure") ?? "present") != "present")
                {
                    yield return $"{manifests.Overlay}: Cluster/{cluster.Map("metadata").Str("name")} manages no login role '{owner}' for '{project.Name}'";
                }
                else if (role.Map("passwordSecret").Str("name") != secret)
                {
                    yield return $"{manifests.Overlay}: role '{owner}' takes its password from Secret {role.Map("passwordSecret").Str("name")}, but '{project.Name}' connects with Secret {secret}";
                }
            }
        }
    }

    /// <summary>
    /// RabbitMQ on its operators: three nodes; for every service that uses the broker a User of its own,
    /// whose credentials are the Secret the service connects with, and a Permission on a Vhost of the
    /// overlay that keeps it to its own queues (and the events' exchanges). No Policy tries to set the
    /// queue type: RabbitMQ refuses that (services declare quorum queues instead).
    /// </summary>
    public static IEnumerable<string> RabbitMq(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        var clusters = manifests.OfKind("RabbitmqCluster").ToList();
        if (clusters.Count == 0)
        {
            yield return $"{manifests.Overlay}: no RabbitmqCluster";
            yield break;
        }

        foreach (var cluster in clusters.Where(c => !int.TryParse(c.Map("spec").Str("replicas"), out var r) || r < Replicas))
        {
            yield return $"{manifests.Overlay}: RabbitmqCluster/{cluster.Map("metadata").Str("name")} has {cluster.Map("spec").Str("replicas") ?? "1"} node(s); quorum queues need {Replicas}";
        }

        var vhosts = manifests.OfKind("Vhost").Select(v => v.Map("spec").Str("name")).ToHashSet();
        var users = projects.Where(p => p.References.Contains("rabbitmq")).Select(p => p.Name).ToList();
        foreach (var service in users)
        {
            var secret = SecretOf(manifests.Deployment(service)?.MainContainer, "ConnectionStrings__rabbitmq");
            var user = manifests.OfKind("User").FirstOrDefault(u => u.Map("spec").Map("importCredentialsSecret").Str("name") == secret);
            if (user is null)
            {
                yield return $"{manifests.Overlay}: no RabbitMQ User takes its credentials from Secret {secret}, which '{service}' connects with";
                continue;
            }

            var userName = user.Map("metadata").Str("name");
            var permission = manifests.OfKind("Permission").FirstOrDefault(p => p.Map("spec").Map("userReference").Str("name") == userName || p.Map("spec").Str("user") == userName);
            if (permission is null || !vhosts.Contains(permission.Map("spec").Str("vhost")))
            {
                yield return $"{manifests.Overlay}: RabbitMQ User/{userName} ('{service}') has no Permission on a Vhost of the overlay";
                continue;
            }

            foreach (var kind in new[] { "configure", "write", "read" })
            {
                var pattern = permission.Map("spec").Map("permissions").Str(kind) ?? "";
                var regex = new Regex(pattern);
                if (!regex.IsMatch($"{service}-building-permit-issued") || !regex.IsMatch("CityEServices.Contracts.Events:BuildingPermitIssued"))
                {
                    yield return $"{manifests.Overlay}: Permission/{permission.Map("metadata").Str("name")} {kind} '{pattern}' does not cover {service}'s own queues and the events' exchanges";
                }

                foreach (var other in users.Where(u => u != service && regex.IsMatch($"{u}-building-permit-issued")))
                {
                    yield return $"{manifests.Overlay}: Permission/{permission.Map("metadata").Str("name")} {kind} '{pattern}' lets '{service}' at {other}'s queues";
                }
            }
        }

        foreach (var policy in manifests.OfKind("Policy").Where(p => p.Str("apiVersion")!.StartsWith("rabbitmq.com/", StringComparison.Ordinal)))
        {
            if (policy.Map("spec").Map("definition").Pairs().Keys.Any(k => k is "queue-type" or "x-queue-type"))
            {
                yield return $"{manifests.Overlay}: Policy/{policy.Map("metadata").Str("name")} sets a queue type, which RabbitMQ refuses in a policy: the services declare quorum queues (Messaging__QueueType)";
            }
        }
    }

    /// <summary>
    /// Redis with Sentinel: three pods each with a Redis and a Sentinel, and a Redis user for every service
    /// that uses it, whose password is the Secret the service connects with.
    /// </summary>
    public static IEnumerable<string> RedisSentinel(Manifests manifests, IEnumerable<ProjectModel> projects)
    {
        var redis = manifests.Workloads.FirstOrDefault(w => w.Containers.Any(c => c.Str("name") == "sentinel") && w.Containers.Any(c => c.Str("name") == "redis"));
        if (redis is null)
        {
            yield return $"{manifests.Overlay}: no Redis with Sentinel (a workload with containers 'redis' and 'sentinel')";
            yield break;
        }

        if (!int.TryParse(redis.Resource.Map("spec").Str("replicas"), out var replicas) || replicas < Replicas)
        {
            yield return $"{manifests.Overlay}: {redis} runs {redis.Resource.Map("spec").Str("replicas") ?? "1"} pod(s); Sentinel needs {Replicas} for a quorum of 2";
        }

        foreach (var project in projects.Where(p => p.References.Contains("redis")))
        {
            var secret = SecretOf(manifests.Deployment(project.Name)?.MainContainer, "ConnectionStrings__redis");
            foreach (var container in redis.Containers)
            {
                if (SecretOf(container, $"PASSWORD_{project.Name}") != secret)
                {
                    yield return $"{manifests.Overlay}: {redis} container '{container.Str("name")}' has no user '{project.Name}' with the password of Secret {secret} (PASSWORD_{project.Name})";
                }
            }

            var users = redis.Containers.Select(c => manifests.EnvironmentOf(c).GetValueOrDefault("REDIS_USERS") ?? "").ToList();
            if (users.Any(u => !u.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(project.Name)))
            {
                yield return $"{manifests.Overlay}: {redis} does not list '{project.Name}' in REDIS_USERS";
            }
        }
    }
}
