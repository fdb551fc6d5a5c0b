using YamlDotNet.RepresentationModel;

namespace CityEServices.Deployment.Tests;

/// <summary>The scale-out and server checks catch what they claim to: each test breaks one thing in a fresh copy of a rendered overlay.</summary>
public class BrokenScaleOutTests
{
    [Fact]
    public async Task Readiness_on_the_full_health_report_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        Set(manifests.Deployment("property")!.MainContainer.Map("readinessProbe").Map("httpGet"), "path", "/health");

        Assert.Contains("prod: Deployment/property readinessProbe asks '/health', but the service answers it on /health/ready",
            ManifestChecks.PortsAndProbes(manifests, await AppHostModel.LoadProjectsAsync()));
    }

    [Fact]
    public async Task A_pod_without_preStop_or_with_too_short_a_grace_period_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        manifests.Deployment("archive")!.MainContainer.Remove("lifecycle");
        Set(manifests.Deployment("gateway")!.PodSpec, "terminationGracePeriodSeconds", "30");

        var problems = ScaleOutChecks.GracefulDrain(manifests, await AppHostModel.LoadProjectsAsync()).ToList();

        Assert.Contains("prod: Deployment/archive container 'archive' has no preStop sleep: it stops taking requests before the endpoints and the Gateway stop sending them", problems);
        Assert.Contains("prod: Deployment/gateway terminationGracePeriodSeconds is 30, not more than preStop (10 s) plus the host's shutdown timeout (25 s): requests still running are killed", problems);
    }

    [Fact]
    public async Task A_zone_spread_that_blocks_scheduling_is_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        var zone = manifests.Deployment("identity")!.PodSpec.Seq("topologySpreadConstraints").Single(c => c.Str("topologyKey") == "topology.kubernetes.io/zone");
        Set(zone, "whenUnsatisfiable", "DoNotSchedule");

        Assert.Contains("dev: Deployment/identity spread over zones is DoNotSchedule: a cluster in one zone, or a zone lost, would leave pods unscheduled (ScheduleAnyway)",
            ScaleOutChecks.TopologySpread(manifests, await AppHostModel.LoadProjectsAsync()));
    }

    [Fact]
    public async Task A_disruption_budget_that_blocks_drains_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        var spec = manifests.Find("PodDisruptionBudget", "urbanplanning").Map("spec")!;
        spec.Remove("maxUnavailable");
        Set(spec, "minAvailable", "2");

        Assert.Contains("prod: PodDisruptionBudget/urbanplanning wants 2 of Deployment/urbanplanning available, but it may run only 2: no pod can be evicted, node drains block",
            ScaleOutChecks.DisruptionBudgets(manifests));
    }

    [Fact]
    public async Task A_gRPC_client_on_the_ClusterIP_Service_and_a_missing_headless_Service_are_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        Set(ConfigMap(manifests, "urbanplanning-config").Map("data"), "Grpc__property", "http://property:8081");
        Remove(manifests, "Service", "archive-grpc-headless");

        var problems = ScaleOutChecks.BalancedGrpc(manifests, await AppHostModel.LoadProjectsAsync()).ToList();

        Assert.Contains("prod: Deployment/urbanplanning sets Grpc__property=http://property:8081, not dns:///property-grpc-headless.cityeservices.svc.cluster.local:8081: its calls would not spread over property's replicas", problems);
        Assert.Contains("prod: gRPC server 'archive' has no headless Service archive-grpc-headless: its clients would stick to one replica", problems);
    }

    [Fact]
    public async Task Egress_to_another_service_s_database_or_anywhere_and_a_missing_route_to_its_own_are_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        var property = (YamlSequenceNode)manifests.Find("NetworkPolicy", "property-servers").Map("spec")!.Children[new YamlScalarNode("egress")];
        property.Add(new YamlMappingNode(
            "to", new YamlSequenceNode(new YamlMappingNode("podSelector", new YamlMappingNode("matchLabels", new YamlMappingNode("app.kubernetes.io/name", "archive-db")))),
            "ports", new YamlSequenceNode(new YamlMappingNode("port", "5432"))));
        property.Add(new YamlMappingNode(
            "to", new YamlSequenceNode(new YamlMappingNode("ipBlock", new YamlMappingNode("cidr", "0.0.0.0/0"))),
            "ports", new YamlSequenceNode(new YamlMappingNode("port", "443"))));
        Remove(manifests, "NetworkPolicy", "identity-servers");

        var problems = EgressChecks.Egress(manifests, await AppHostModel.LoadProjectsAsync()).ToList();

        Assert.Contains("dev: Deployment/property may connect to StatefulSet/archive-db, which it does not use", problems);
        Assert.Contains("dev: NetworkPolicy/property-servers lets Deployment/property connect to addresses 0.0.0.0/0; it needs none outside the namespace but DNS", problems);
        Assert.Contains("dev: Deployment/identity cannot reach identity-db (StatefulSet/identity-db, port 5432): no egress rule lets it", problems);
    }

    [Fact]
    public async Task Notifications_calling_out_to_the_cluster_s_own_addresses_or_on_another_port_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        var egress = manifests.Find("NetworkPolicy", "notifications").Map("spec").Seq("egress");
        var outside = (YamlMappingNode)egress.Single(r => r.Seq("to").Any(p => p.Map("ipBlock") is not null));
        var except = (YamlSequenceNode)outside.Seq("to").Single().Map("ipBlock")!.Children[new YamlScalarNode("except")];
        except.Children.Remove(except.Children.Single(e => ((YamlScalarNode)e).Value == "10.0.0.0/8"));
        ((YamlSequenceNode)outside.Children[new YamlScalarNode("ports")]).Add(new YamlMappingNode("port", "80"));

        var problems = EgressChecks.Egress(manifests, await AppHostModel.LoadProjectsAsync()).ToList();

        Assert.Contains("prod: NetworkPolicy/notifications lets Deployment/notifications connect to 0.0.0.0/0 without excepting 10.0.0.0/8: its calls out must never reach the cluster's own addresses", problems);
        Assert.Contains("prod: NetworkPolicy/notifications lets Deployment/notifications connect outside on ports other than 443", problems);
    }

    [Fact]
    public async Task A_server_that_does_not_admit_its_client_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        Remove(manifests, "NetworkPolicy", "city-pg");

        Assert.Contains("prod: Cluster/city-pg does not admit Deployment/property on port 5432 (property-db): no ingress rule lets it in",
            EgressChecks.Egress(manifests, await AppHostModel.LoadProjectsAsync()));
    }

    [Fact]
    public async Task An_Ingress_and_a_route_served_over_plain_HTTP_are_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        var parent = manifests.Find("HTTPRoute", "gateway").Map("spec")!.Seq("parentRefs")[0];
        Set(parent, "sectionName", "http");
        var withIngress = Manifests.Parse("prod", "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: gateway\n");

        var problems = GatewayApiChecks.PublicEntry(manifests, requireTls: true).ToList();

        Assert.Contains("prod: HTTPRoute/gateway serves the suite on listener 'http' (HTTP) without TLS: HTTPS with a certificate (tls.certificateRefs)", problems);
        Assert.Contains("prod: Gateway/cityeservices serves the suite in plain HTTP on listener 'http'; plain HTTP may only redirect", problems);
        Assert.Contains("prod: Ingress/gateway is still there: the entry is a Gateway API HTTPRoute (ingress-nginx is retired upstream)",
            GatewayApiChecks.PublicEntry(withIngress, requireTls: false));
    }

    [Fact]
    public async Task A_gateway_that_believes_every_forwarded_address_is_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        var data = ConfigMap(manifests, "gateway-config").Map("data")!;
        Set(data, "Gateway__TrustedNetworks__0", "0.0.0.0/0");
        Set(data, "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true");

        var problems = GatewayApiChecks.TrustedProxies(manifests).ToList();

        Assert.Contains("dev: the gateway's Gateway__TrustedNetworks__0=0.0.0.0/0 trusts (nearly) every address: name the proxies' pod or node network", problems);
        Assert.Contains("dev: the gateway sets ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, which clears the trusted proxies: it would believe X-Forwarded-For from anyone", problems);
    }

    [Fact]
    public async Task A_single_PostgreSQL_instance_and_a_role_on_another_s_Secret_are_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        var cluster = manifests.OfKind("Cluster").Single();
        Set(cluster.Map("spec"), "instances", "1");
        var role = cluster.Map("spec").Map("managed").Seq("roles").Single(r => r.Str("name") == "archive");
        Set(role.Map("passwordSecret"), "name", "property-db");

        var problems = ServerChecks.Postgres(manifests, await AppHostModel.LoadProjectsAsync()).ToList();

        Assert.Contains("prod: Cluster/city-pg has 1 instance(s); 3 keep a primary and two replicas to fail over to", problems);
        Assert.Contains("prod: role 'archive' takes its password from Secret property-db, but 'archive' connects with Secret archive-db", problems);
    }

    [Fact]
    public async Task A_broker_permission_open_to_every_queue_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        Set(manifests.Find("Permission", "property").Map("spec").Map("permissions"), "read", ".*");

        Assert.Contains("prod: Permission/property read '.*' lets 'property' at officemanagement's queues",
            ServerChecks.RabbitMq(manifests, await AppHostModel.LoadProjectsAsync()));
    }

    [Fact]
    public async Task A_shared_credential_a_missing_key_prefix_and_classic_queues_are_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        var archive = manifests.Deployment("archive")!.MainContainer.Seq("env").Single(v => v.Str("name") == "ConnectionStrings__rabbitmq");
        Set(archive.Map("valueFrom").Map("secretKeyRef"), "name", "property-rabbitmq");
        var data = ConfigMap(manifests, "officemanagement-config").Map("data")!;
        data.Remove("Redis__KeyPrefix");
        data.Remove("Messaging__QueueType");
        var projects = await AppHostModel.LoadProjectsAsync();

        var problems = ServerChecks.PrefixesAndQueues(manifests, projects).ToList();

        Assert.Contains("dev: Secret property-rabbitmq holds the connection string of archive, property: each service needs credentials of its own", ServerChecks.CredentialsPerService(manifests, projects));
        Assert.Contains("dev: 'officemanagement' uses Redis with key prefix '', not 'officemanagement:' (Redis__KeyPrefix): its keys could meet another service's, and its Redis user allows only officemanagement:*", problems);
        Assert.Contains("dev: 'officemanagement' does not declare quorum queues (Messaging__QueueType=quorum): a broker node's loss would lose its queue", problems);
    }

    [Fact]
    public async Task A_Redis_without_a_service_s_user_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        var redis = manifests.Workloads.Single(w => w.Name == "redis");
        foreach (var container in redis.Containers)
        {
            var env = (YamlSequenceNode)((YamlMappingNode)container).Children[new YamlScalarNode("env")];
            env.Children.Remove(env.Children.Single(v => v.Str("name") == "PASSWORD_gateway"));
        }

        Assert.Contains("prod: StatefulSet/redis container 'sentinel' has no user 'gateway' with the password of Secret gateway-redis (PASSWORD_gateway)",
            ServerChecks.RedisSentinel(manifests, await AppHostModel.LoadProjectsAsync()));
    }

    [Fact]
    public async Task A_server_image_named_outside_versions_env_is_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        Set(manifests.Workloads.Single(w => w.Name == "rabbitmq").MainContainer, "image", "rabbitmq:3.13.7");

        Assert.Contains("dev: StatefulSet/rabbitmq container 'rabbitmq' runs rabbitmq:3.13.7, which is not in deploy/server-versions/versions.env: server versions are written there only",
            ServerVersions.Check(manifests, ServerVersions.Read(), everyServer: true));
        Assert.Equal("3.10", ServerVersions.Series("rabbitmq", "3.10.25-management"));
        Assert.Equal("15", ServerVersions.Series("postgres", "15.14-system-trixie"));
        Assert.NotEqual(ServerVersions.Series("redis", "7.4.2-alpine"), ServerVersions.Series("redis", "7.0.15-alpine"));
    }

    [Fact]
    public async Task A_restore_that_would_archive_over_the_backups_it_reads_is_reported()
    {
        var prod = await Manifests.RenderAsync("prod");
        var restore = await Manifests.RenderAsync("prod/restore");
        Set(restore.OfKind("Cluster").Single().Map("spec").Map("backup").Map("barmanObjectStore"), "serverName", "city-pg");

        Assert.Contains("the restored cluster archives under serverName 'city-pg', the archive it restores from: choose a new RESTORED_SERVER_NAME (restore.env)",
            RestoreTests.RestoreProblems(prod, restore));
    }

    [Fact]
    public async Task A_Secret_the_script_does_not_create_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        var created = (await SecretsScript.CreateAsync("prod", SecretsScriptTests.BackupKeys)).Where(s => s.Name != "redis-internal").ToList();

        Assert.Contains("prod: StatefulSet/redis SENTINEL_PASSWORD reads Secret redis-internal, which create-secrets.sh prod does not create",
            SecretsScriptTests.Missing(manifests, created));
    }

    private static YamlMappingNode ConfigMap(Manifests manifests, string prefix) =>
        manifests.OfKind("ConfigMap").Single(c => c.Map("metadata").Str("name")!.StartsWith(prefix + "-", StringComparison.Ordinal));

    private static void Set(YamlNode? node, string key, string value) => ((YamlMappingNode)node!).Children[new YamlScalarNode(key)] = new YamlScalarNode(value);

    private static void Remove(Manifests manifests, string kind, string name) => manifests.Remove(kind, name);
}
