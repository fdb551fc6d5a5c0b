using System.Net;
using CityEServices.Contracts.Security;
using CityEServices.Gateway.Tests.Infrastructure;

namespace CityEServices.Gateway.Tests;

/// <summary>
/// A deactivated user's or revoked client's live token stops working within seconds, not at its
/// expiry: the gateway (like every service, through ServiceDefaults) follows identity's revocation list.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RevocationTests(GatewayFixture fixture) : IAsyncLifetime
{
    private GatewayFactory _gateway = null!;

    public Task InitializeAsync()
    {
        _gateway = fixture.NewGateway(new Dictionary<string, string?>
        {
            ["Identity:Revocations:Url"] = fixture.Service.Address + "/internal/revocations",
            ["Identity:Revocations:RefreshInterval"] = "00:00:00.200",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_revoked_subjects_live_token_is_refused_and_a_later_one_is_not()
    {
        var subject = "user-" + Guid.NewGuid().ToString("N");
        var issued = DateTime.UtcNow.AddMinutes(-5);
        var live = TestTokens.Create([Roles.Registrar], subject: subject, issuedAt: issued);
        using var client = _gateway.CreateClient(live);
        using (var before = await client.GetAsync("/api/properties/anything"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        fixture.Service.Revocations[subject] = issued.AddMinutes(1);

        await Eventually.UntilAsync(async () =>
        {
            using var response = await client.GetAsync("/api/properties/anything");
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, TimeSpan.FromSeconds(20), "the revoked subject's token is refused");

        // Issued after the revocation (the user was reactivated): not covered.
        using var fresh = _gateway.CreateClient(TestTokens.Create([Roles.Registrar], subject: subject, issuedAt: issued.AddMinutes(2)));
        using var afterReactivation = await fresh.GetAsync("/api/properties/anything");
        Assert.Equal(HttpStatusCode.OK, afterReactivation.StatusCode);

        // Nobody else is affected.
        using var other = _gateway.CreateClient(TestTokens.Create([Roles.Registrar], issuedAt: issued));
        using var others = await other.GetAsync("/api/properties/anything");
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }

    [Fact]
    public async Task A_revoked_clients_token_is_refused()
    {
        var clientId = "bank-" + Guid.NewGuid().ToString("N")[..8];
        using var client = _gateway.CreateClient(TestTokens.Integrator(clientId, Scopes.Payments));

        fixture.Service.Revocations[clientId] = DateTimeOffset.UtcNow.AddSeconds(1);

        await Eventually.UntilAsync(async () =>
        {
            using var response = await client.GetAsync("/api/properties/anything");
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, TimeSpan.FromSeconds(20), "the revoked client's token is refused");
    }
}
