namespace CityEServices.Deployment.Tests;

/// <summary>Many replicas of every service, on both overlays (issue 19): probes, drain, spread, balanced gRPC, egress, the public entry.</summary>
public class ScaleOutTests
{
    public static TheoryData<string> Overlays => ManifestTests.Overlays;

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Pods_drain_before_they_stop(string overlay) =>
        ManifestTests.AssertNone(ScaleOutChecks.GracefulDrain(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Replicas_spread_over_nodes_and_zones(string overlay) =>
        ManifestTests.AssertNone(ScaleOutChecks.TopologySpread(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Fact]
    public async Task Prod_disruption_budgets_let_a_drain_or_rolling_update_go_on() =>
        ManifestTests.AssertNone(ScaleOutChecks.DisruptionBudgets(await Manifests.RenderAsync("prod")));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_gRPC_client_balances_over_a_headless_Service(string overlay) =>
        ManifestTests.AssertNone(ScaleOutChecks.BalancedGrpc(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Each_service_reaches_what_it_uses_and_nothing_else(string overlay) =>
        ManifestTests.AssertNone(EgressChecks.Egress(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Theory]
    [InlineData("dev", false)]
    [InlineData("prod", true)]
    public async Task The_public_entry_is_a_Gateway_API_route_to_the_gateway(string overlay, bool tls) =>
        ManifestTests.AssertNone(GatewayApiChecks.PublicEntry(await Manifests.RenderAsync(overlay), tls));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_believes_forwarded_addresses_from_the_proxy_network_only(string overlay) =>
        ManifestTests.AssertNone(GatewayApiChecks.TrustedProxies(await Manifests.RenderAsync(overlay)));

    [Fact]
    public async Task Gateway_API_entry_checks_find_a_route_and_a_TLS_listener()
    {
        // The checks above pass vacuously if nothing is there: make sure the overlays have what they look at.
        var prod = await Manifests.RenderAsync("prod");
        Assert.NotEmpty(prod.OfKind("HTTPRoute"));
        Assert.Contains(prod.OfKind("Gateway").SelectMany(g => g.Map("spec").Seq("listeners")), l => l.Str("protocol") == "HTTPS");
    }
}
