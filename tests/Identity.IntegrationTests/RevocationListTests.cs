using System.Net;
using CityEServices.Identity.IntegrationTests.Infrastructure;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>
/// <c>GET /internal/revocations</c>, as ServiceDefaults fetches it: anonymous, never cached, and holding
/// every revocation a live token could match (younger than the 15-minute token lifetime plus 5 minutes)
/// and none older, one entry per subject at its latest revocation.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RevocationListTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private Task RevokeAsync(string subject, string age) =>
        identity.ExecuteAsync($"INSERT INTO revocations (subject, revoked_at, cause) VALUES (@subject, now() - interval '{age}', 'Test')", ("subject", subject));

    [Fact]
    public async Task The_list_holds_what_a_live_token_could_match_and_nothing_older()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await RevokeAsync($"recent-{run}", "10 minutes");
        await RevokeAsync($"edge-{run}", "19 minutes");
        await RevokeAsync($"expired-{run}", "21 minutes");
        await RevokeAsync($"twice-{run}", "12 minutes");
        await RevokeAsync($"twice-{run}", "2 minutes");

        var list = await identity.RevocationsAsync();

        Assert.Contains($"recent-{run}", list.Keys);
        Assert.Contains($"edge-{run}", list.Keys);
        Assert.DoesNotContain($"expired-{run}", list.Keys);
        Assert.InRange(DateTimeOffset.UtcNow - list[$"twice-{run}"], TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3));
    }

    [Fact]
    public async Task The_list_is_anonymous_and_never_cached()
    {
        using var client = identity.CreateClient();

        using var response = await client.GetAsync("/internal/revocations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
