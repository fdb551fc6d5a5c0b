using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Identity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>
/// Integrator clients (issue 14): only ever the integrator role, scopes from the city's list, tokens
/// carrying exactly the granted scopes (narrowed by <c>scope=</c>, never widened), listed without
/// secrets, revoked for good.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ClientTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static async Task<JsonWebToken> JwtAsync(HttpResponseMessage response) =>
        new((await response.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("access_token").GetString()!);

    private static string[] ScopesOf(JsonWebToken jwt) =>
        [.. jwt.Claims.Where(c => c.Type == "scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("admin")]
    [InlineData("registrar")]
    [InlineData("archivist")]
    [InlineData("office-operator")]
    [InlineData("district-reviewer")]
    public async Task A_client_can_never_be_created_with_a_staff_role(string role)
    {
        var displayName = "Refused " + Guid.NewGuid().ToString("N")[..8];
        using var admin = await identity.AdminAsync();

        using var response = await admin.PostAsJsonAsync("/api/identity/clients", new { displayName, roles = new[] { "integrator", role } });

        var errors = await response.AssertValidationProblemAsync();
        Assert.Contains(role, errors.GetProperty("roles")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await identity.CountAsync("""SELECT count(*) FROM "OpenIddictApplications" WHERE "DisplayName" = @name""", ("name", displayName)));
        Assert.Equal(0L, await identity.CountAsync("SELECT count(*) FROM clients WHERE display_name = @name", ("name", displayName)));
    }

    [Fact]
    public async Task An_unknown_scope_is_a_field_error()
    {
        using var admin = await identity.AdminAsync();

        using var response = await admin.PostAsJsonAsync("/api/identity/clients", new { displayName = "Greedy", scopes = new[] { "payments", "everything" } });

        Assert.Contains("everything", (await response.AssertValidationProblemAsync()).GetProperty("scopes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_created_client_is_an_integrator_with_its_scopes_and_its_secret_is_not_stored_on_the_way()
    {
        using var admin = await identity.AdminAsync();

        using var response = await admin.PostAsJsonAsync("/api/identity/clients", new { displayName = "Tehran Water", scopes = new[] { "property.read", "pii.read" } });

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(["integrator"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["property.read", "pii.read"], created.GetProperty("scopes").EnumerateArray().Select(r => r.GetString()));
        Assert.False(string.IsNullOrEmpty(created.GetProperty("clientSecret").GetString()));
        Assert.EndsWith("/api/identity/clients/" + created.GetProperty("clientId").GetString(), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_asking_for_a_scope_it_was_not_granted_gets_no_token()
    {
        var (clientId, secret) = await identity.CreateIntegratorAsync("payments");

        using var response = await identity.ClientTokenAsync(clientId, secret, "payments pii.read");

        var refused = await response.AssertJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_scope", refused.GetProperty("error").GetString());
        Assert.False(refused.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_client_asking_nothing_gets_exactly_its_granted_scopes_and_is_its_own_subject()
    {
        var (clientId, secret) = await identity.CreateIntegratorAsync("payments");

        using var response = await identity.ClientTokenAsync(clientId, secret);

        var jwt = await JwtAsync(response);
        Assert.Equal(["payments"], ScopesOf(jwt));
        Assert.Equal(clientId, jwt.Subject);
        Assert.Equal([clientId], jwt.Claims.Where(c => c.Type == "client_id").Select(c => c.Value).Distinct());
        Assert.Equal(["integrator"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value));
    }

    [Fact]
    public async Task A_client_asking_for_some_of_its_scopes_gets_only_those()
    {
        var (clientId, secret) = await identity.CreateIntegratorAsync("archive.read", "archive.write", "pii.read");

        using var response = await identity.ClientTokenAsync(clientId, secret, "archive.read");

        Assert.Equal(["archive.read"], ScopesOf(await JwtAsync(response)));
    }

    [Fact]
    public async Task Staff_tokens_carry_no_scopes_even_when_asked()
    {
        using var client = identity.CreateClient();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "city-cli",
            ["username"] = "admin",
            ["password"] = IdentityService.AdminPassword,
            ["scope"] = "payments pii.read",
        }));

        Assert.Empty(ScopesOf(await JwtAsync(response)));
    }

    [Fact]
    public async Task Clients_are_listed_with_who_made_them_and_never_a_secret()
    {
        var (clientId, secret) = await identity.CreateIntegratorAsync("webhooks");
        using var admin = await identity.AdminAsync();
        using var me = await admin.GetAsync("/api/identity/users/admin");
        var adminId = (await me.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString();

        using var response = await admin.GetAsync("/api/identity/clients?pageSize=100");
        var text = await response.Content.ReadAsStringAsync();
        var page = await response.AssertJsonAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret\"", text.Replace("secretRotatedAt\"", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        var listed = Assert.Single(page.GetProperty("items").EnumerateArray(), c => c.GetProperty("clientId").GetString() == clientId);
        Assert.Equal($"user:{adminId}", listed.GetProperty("createdBy").GetString());
        Assert.Equal(["webhooks"], listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task An_integrator_even_with_every_scope_reaches_no_identity_api()
    {
        var (clientId, secret) = await identity.CreateIntegratorAsync([.. CityEServices.Contracts.Security.Scopes.All]);
        var token = (await (await identity.ClientTokenAsync(clientId, secret)).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("access_token").GetString()!;
        using var integrator = identity.CreateClient(token);
        var displayName = "Self-made " + Guid.NewGuid().ToString("N")[..8];

        using var list = await integrator.GetAsync("/api/identity/clients");
        using var read = await integrator.GetAsync("/api/identity/users/admin");
        using var create = await integrator.PostAsJsonAsync("/api/identity/clients", new { displayName, scopes = new[] { "payments" } });
        using var revoke = await integrator.DeleteAsync($"/api/identity/clients/{clientId}");

        foreach (var refused in new[] { list, read, create, revoke })
        {
            Assert.Equal("insufficient_scope", (await refused.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("reason").GetString());
        }

        Assert.Equal(0L, await identity.CountAsync("SELECT count(*) FROM clients WHERE display_name = @name", ("name", displayName)));
        Assert.Equal(0L, await identity.CountAsync("SELECT count(*) FROM clients WHERE client_id = @id AND revoked_at IS NOT NULL", ("id", clientId)));
    }

    [Fact]
    public async Task A_revoked_client_gets_no_token_is_on_the_revocation_list_and_cannot_be_revoked_twice()
    {
        var (clientId, secret) = await identity.CreateIntegratorAsync("payments");
        using (var before = await identity.ClientTokenAsync(clientId, secret))
        {
            await before.AssertJsonAsync(HttpStatusCode.OK);
        }

        using var admin = await identity.AdminAsync();
        using var revoked = await admin.DeleteAsync($"/api/identity/clients/{clientId}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        using var refused = await identity.ClientTokenAsync(clientId, secret);
        Assert.Equal("invalid_client", (await refused.AssertJsonAsync(HttpStatusCode.Unauthorized)).GetProperty("error").GetString());
        Assert.True((await identity.RevocationsAsync()).ContainsKey(clientId), "the revoked client is not on the revocation list");
        using var again = await admin.DeleteAsync($"/api/identity/clients/{clientId}");
        Assert.Equal("AlreadyRevoked", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("reason").GetString());
        using var rotate = await admin.PostAsync($"/api/identity/clients/{clientId}/secret", null);
        Assert.Equal("AlreadyRevoked", (await rotate.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("reason").GetString());
        using var unknown = await admin.DeleteAsync("/api/identity/clients/no-such-client");
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
