using YamlDotNet.RepresentationModel;

namespace CityEServices.Deployment.Tests;

/// <summary>
/// The checks catch what they claim to: each test breaks one thing in a fresh copy of the rendered dev
/// overlay and expects the problem to be named.
/// </summary>
public class BrokenManifestTests
{
    [Fact]
    public async Task A_deleted_readiness_probe_is_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        manifests.Deployment("property")!.MainContainer.Remove("readinessProbe");

        var problems = ManifestChecks.PortsAndProbes(manifests, await AppHostModel.LoadProjectsAsync()).ToList();

        Assert.Contains("dev: Deployment/property container 'property' has no readinessProbe (expected an HTTP GET of /health/ready on port 'http')", problems);
    }

    [Fact]
    public async Task A_liveness_probe_on_the_wrong_path_is_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        var get = manifests.Deployment("archive")!.MainContainer.Map("livenessProbe").Map("httpGet")!;
        get.Children[new YamlScalarNode("path")] = new YamlScalarNode("/healthz");

        var problems = ManifestChecks.PortsAndProbes(manifests, await AppHostModel.LoadProjectsAsync()).ToList();

        Assert.Contains("dev: Deployment/archive livenessProbe asks '/healthz', but the service answers it on /alive", problems);
    }

    [Fact]
    public async Task A_deleted_connection_string_variable_is_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        var container = (YamlMappingNode)manifests.Deployment("urbanplanning")!.MainContainer!;
        var env = (YamlSequenceNode)container.Children[new YamlScalarNode("env")];
        env.Children.Remove(env.Children.Single(v => v.Str("name") == "ConnectionStrings__urbanplanning-db"));

        var problems = ManifestChecks.EnvironmentProvided(manifests, await AppHostModel.LoadProjectsAsync()).ToList();

        Assert.Contains("dev: Deployment/urbanplanning container 'urbanplanning' does not set ConnectionStrings__urbanplanning-db, which the AppHost gives 'urbanplanning' (AppHost value: {urbanplanning-db.connectionString})", problems);
    }

    [Fact]
    public async Task A_service_the_AppHost_has_but_the_manifests_lack_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        var projects = (await AppHostModel.LoadProjectsAsync()).Append(new ProjectModel("licensing", new Dictionary<string, string>(), [])).ToList();

        Assert.Contains("prod: the AppHost's project 'licensing' has no Deployment named 'licensing'", ManifestChecks.EveryProjectHasADeployment(manifests, projects));
    }

    [Fact]
    public async Task A_setting_added_in_the_AppHost_but_not_in_the_manifests_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        var projects = (await AppHostModel.LoadProjectsAsync()).Select(p => p.Name != "gateway" ? p
            : p with { Environment = new Dictionary<string, string>(p.Environment) { ["Gateway__RateLimits__Api__PermitLimit"] = "600" } });

        Assert.Contains(ManifestChecks.EnvironmentProvided(manifests, projects),
            p => p.StartsWith("prod: Deployment/gateway container 'gateway' does not set Gateway__RateLimits__Api__PermitLimit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gRPC_address_on_the_wrong_port_is_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        var config = manifests.OfKind("ConfigMap").Single(c => c.Map("metadata").Str("name")!.StartsWith("urbanplanning-config", StringComparison.Ordinal));
        config.Map("data")!.Children[new YamlScalarNode("services__archive__grpc__0")] = new YamlScalarNode("http://archive:8080");

        Assert.Contains("dev: Deployment/urbanplanning sets services__archive__grpc__0=http://archive:8080, but Service/archive serves endpoint 'grpc' at http://archive:8081",
            ManifestChecks.AddressesPointAtServices(manifests, await AppHostModel.LoadProjectsAsync()));
    }

    [Fact]
    public async Task An_unpinned_image_is_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        var redis = (YamlMappingNode)manifests.Workloads.Single(w => w.Name == "redis").MainContainer!;
        redis.Children[new YamlScalarNode("image")] = new YamlScalarNode("redis:latest");

        Assert.Contains("dev: StatefulSet/redis container 'redis' image 'redis:latest' is not pinned (give it a version tag or a digest, never latest)",
            ManifestChecks.ImagesPinned(manifests, expectBuildVersion: true));
    }

    [Fact]
    public async Task A_container_without_limits_or_running_as_root_is_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        var gateway = manifests.Deployment("gateway")!;
        gateway.MainContainer.Map("resources").Remove("limits");
        gateway.PodSpec.Map("securityContext")!.Children[new YamlScalarNode("runAsUser")] = new YamlScalarNode("0");

        var problems = ManifestChecks.LimitsAndNonRoot(manifests, await AppHostModel.LoadProjectsAsync()).ToList();

        Assert.Contains("dev: Deployment/gateway container 'gateway' has no memory in resources.limits", problems);
        Assert.Contains("dev: Deployment/gateway container 'gateway' runs as user 0 (root)", problems);
    }

    [Fact]
    public async Task A_database_opened_to_another_service_is_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        var policy = manifests.Find("NetworkPolicy", "property-db")!;
        var from = (YamlSequenceNode)((YamlMappingNode)policy.Map("spec").Seq("ingress")[0]).Children[new YamlScalarNode("from")];
        from.Add(new YamlMappingNode("podSelector", new YamlMappingNode("matchLabels", new YamlMappingNode("app.kubernetes.io/name", "urbanplanning"))));

        Assert.Contains("dev: database StatefulSet/property-db is open to 'urbanplanning'; only its owner (property) may reach it",
            ManifestChecks.NetworkPolicies(manifests, await AppHostModel.LoadProjectsAsync()));
    }

    [Fact]
    public async Task A_service_opened_to_the_outside_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        var policy = manifests.Find("NetworkPolicy", "archive")!;
        var from = (YamlSequenceNode)((YamlMappingNode)policy.Map("spec").Seq("ingress")[0]).Children[new YamlScalarNode("from")];
        from.Add(new YamlMappingNode("ipBlock", new YamlMappingNode("cidr", "0.0.0.0/0")));

        Assert.Contains("prod: only the gateway may be reachable from outside the namespace, but NetworkPolicy/archive opens Deployment/archive",
            ManifestChecks.NetworkPolicies(manifests, await AppHostModel.LoadProjectsAsync()));
    }

    [Fact]
    public async Task A_service_that_migrates_in_its_own_start_instead_of_an_init_container_is_reported()
    {
        var manifests = await Manifests.RenderAsync("prod");
        var identity = manifests.Deployment("identity")!;
        identity.PodSpec.Remove("initContainers");
        var config = manifests.OfKind("ConfigMap").Single(c => c.Map("metadata").Str("name")!.StartsWith("identity-config", StringComparison.Ordinal));
        config.Map("data").Remove("Database__MigrateOnStartup");

        var problems = ManifestChecks.MigrationsRunBeforeServing(manifests, await AppHostModel.LoadProjectsAsync()).ToList();

        Assert.Contains("prod: Deployment/identity has no init container 'migrate', so nothing migrates identity-db before 'identity' serves", problems);
        Assert.Contains("prod: Deployment/identity container 'identity' does not set Database__MigrateOnStartup=false, so it migrates again at start-up instead of leaving it to the init container", problems);
    }

    [Fact]
    public async Task A_migration_container_that_would_serve_is_reported()
    {
        var manifests = await Manifests.RenderAsync("dev");
        var migrate = manifests.Deployment("archive")!.InitContainers.Single(c => c.Str("name") == "migrate");
        migrate.Remove("args");

        Assert.Contains("dev: Deployment/archive init container 'migrate' does not pass --Database:MigrateOnly=true, so it would serve instead of ending after the migration",
            ManifestChecks.MigrationsRunBeforeServing(manifests, await AppHostModel.LoadProjectsAsync()));
    }
}
