namespace CityEServices.Deployment.Tests;

/// <summary>The servers: production's on real operators; credentials, key prefixes and quorum queues per service; one place for versions.</summary>
public class ServerTests
{
    public static TheoryData<string> Overlays => ManifestTests.Overlays;

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_service_has_credentials_of_its_own(string overlay) =>
        ManifestTests.AssertNone(ServerChecks.CredentialsPerService(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_service_has_its_own_Redis_key_prefix_and_quorum_queues(string overlay) =>
        ManifestTests.AssertNone(ServerChecks.PrefixesAndQueues(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Fact]
    public async Task Prod_runs_PostgreSQL_on_CloudNativePG_with_backups_and_a_role_per_service() =>
        ManifestTests.AssertNone(ServerChecks.Postgres(await Manifests.RenderAsync("prod"), await AppHostModel.LoadProjectsAsync()));

    [Fact]
    public async Task Prod_runs_RabbitMQ_on_its_operators_with_a_user_per_service() =>
        ManifestTests.AssertNone(ServerChecks.RabbitMq(await Manifests.RenderAsync("prod"), await AppHostModel.LoadProjectsAsync()));

    [Fact]
    public async Task Prod_runs_Redis_with_Sentinel_and_a_user_per_service() =>
        ManifestTests.AssertNone(ServerChecks.RedisSentinel(await Manifests.RenderAsync("prod"), await AppHostModel.LoadProjectsAsync()));

    [Fact]
    public async Task Prod_has_no_ExternalName_stand_ins() =>
        ManifestTests.AssertNone(ServerChecks.NoExternalNames(await Manifests.RenderAsync("prod")));

    [Theory]
    [InlineData("dev", true)]
    [InlineData("prod", true)]
    [InlineData("prod/restore", false)]
    public async Task Server_images_come_from_versions_env(string overlay, bool everyServer) =>
        ManifestTests.AssertNone(ServerVersions.Check(await Manifests.RenderAsync(overlay), ServerVersions.Read(), everyServer));

    [Fact]
    public void The_versions_are_the_ones_the_AppHost_runs_locally()
    {
        var local = ServerVersions.Local();
        var problems = new List<string>();
        foreach (var (key, image) in ServerVersions.Read())
        {
            var server = ServerVersions.ServerOf(image);
            var tag = Images.Tag(image);
            if (server is null || tag is null)
            {
                problems.Add($"versions.env: {key}={image} is not a tagged PostgreSQL, RabbitMQ or Redis image");
                continue;
            }

            var expected = local[server];
            if (expected is null)
            {
                problems.Add($"{server} is not installed here (apt-get install postgresql rabbitmq-server redis-server, as ./city does): nothing to compare {key} with");
            }
            else if (ServerVersions.Series(server, tag) != expected)
            {
                problems.Add($"versions.env: {key}={image} is {server} {ServerVersions.Series(server, tag)}, but the AppHost runs {server} {expected} locally");
            }
        }

        ManifestTests.AssertNone(problems);
    }
}
