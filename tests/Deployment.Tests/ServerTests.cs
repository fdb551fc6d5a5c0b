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
    public void The_versions_are_the_ones_the_AppHost_runs_locally_on_the_reference_system_and_never_newer_elsewhere() =>
        ManifestTests.AssertNone(ServerVersions.CompareWithLocal(ServerVersions.Read(), ServerVersions.Local(), ServerVersions.OnReferenceSystem()));

    [Fact]
    public void On_the_reference_system_another_series_is_refused_and_elsewhere_only_a_newer_one()
    {
        var versions = new Dictionary<string, string> { ["POSTGRES_IMAGE"] = "postgres:15.14-alpine", ["RABBITMQ_IMAGE"] = "rabbitmq:3.10.25-management" };
        var debian12 = new Dictionary<string, string?> { ["postgres"] = "15", ["rabbitmq"] = "3.10", ["redis"] = "7.0" };
        var debian13 = new Dictionary<string, string?> { ["postgres"] = "17", ["rabbitmq"] = "4.0", ["redis"] = "8.0" };
        var older = new Dictionary<string, string?> { ["postgres"] = "14", ["rabbitmq"] = "3.9", ["redis"] = "6.0" };

        Assert.Empty(ServerVersions.CompareWithLocal(versions, debian12, onReference: true));
        Assert.Equal(2, ServerVersions.CompareWithLocal(versions, debian13, onReference: true).Count());
        Assert.Empty(ServerVersions.CompareWithLocal(versions, debian13, onReference: false));
        Assert.All(ServerVersions.CompareWithLocal(versions, older, onReference: false), p => Assert.Contains("newer than this machine's", p));
        Assert.Equal(2, ServerVersions.CompareWithLocal(versions, older, onReference: false).Count());
    }

    [Theory]
    [InlineData("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n", true)]
    [InlineData("PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nID=debian\nVERSION_ID=\"13\"\n", false)]
    [InlineData("NAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nID=ubuntu\nID_LIKE=debian\n", false)]
    public void The_reference_system_is_Debian_12(string osRelease, bool reference) =>
        Assert.Equal(reference, ServerVersions.OnReferenceSystem(osRelease));
}
