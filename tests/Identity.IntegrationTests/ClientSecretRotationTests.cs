using System.Net;
using CityEServices.Identity.IntegrationTests.Infrastructure;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>
/// A rotated secret works at once and the previous one keeps working for Identity:ClientSecretOverlap
/// (a day), then stops; the service's clock is a fake that the test moves past the overlap.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ClientSecretRotationTests(IdentityServiceWithFakeClock identity) : IClassFixture<IdentityServiceWithFakeClock>
{
    private static readonly TimeSpan Overlap = TimeSpan.FromHours(24);

    private async Task<HttpStatusCode> TokenStatusAsync(string clientId, string secret)
    {
        using var response = await identity.ClientTokenAsync(clientId, secret);
        return response.StatusCode;
    }

    private async Task<(string Secret, DateTimeOffset PreviousValidUntil)> RotateAsync(string clientId)
    {
        using var admin = await identity.AdminAsync();
        using var response = await admin.PostAsync($"/api/identity/clients/{clientId}/secret", null);
        var rotated = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(clientId, rotated.GetProperty("clientId").GetString());
        return (rotated.GetProperty("clientSecret").GetString()!, rotated.GetProperty("previousSecretValidUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task Old_and_new_secrets_both_work_inside_the_overlap_and_the_old_one_is_refused_after_it()
    {
        var (clientId, oldSecret) = await identity.CreateIntegratorAsync("payments");
        var rotatedAt = identity.Clock.GetUtcNow();

        var (newSecret, validUntil) = await RotateAsync(clientId);

        Assert.NotEqual(oldSecret, newSecret);
        Assert.InRange(validUntil - rotatedAt, Overlap - TimeSpan.FromSeconds(1), Overlap + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, newSecret));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, oldSecret));

        identity.Clock.Advance(Overlap - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, oldSecret));

        identity.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(clientId, oldSecret));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, newSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(clientId, "not-" + newSecret));
    }

    [Fact]
    public async Task A_second_rotation_ends_the_oldest_secret_at_once()
    {
        var (clientId, first) = await identity.CreateIntegratorAsync("webhooks");
        var (second, _) = await RotateAsync(clientId);

        var (third, _) = await RotateAsync(clientId);

        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(clientId, first));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, second));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, third));
    }

    [Fact]
    public async Task A_revoked_client_loses_its_previous_secret_too()
    {
        var (clientId, oldSecret) = await identity.CreateIntegratorAsync("payments");
        var (newSecret, _) = await RotateAsync(clientId);
        using var admin = await identity.AdminAsync();

        using var revoked = await admin.DeleteAsync($"/api/identity/clients/{clientId}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(clientId, oldSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(clientId, newSecret));
    }
}
