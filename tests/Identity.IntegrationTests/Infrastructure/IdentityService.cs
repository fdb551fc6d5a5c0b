using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Identity.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Identity.IntegrationTests.Infrastructure;

/// <summary>The real identity service (OpenIddict, its migrations, its seeding) on a TestServer with its own database.</summary>
public class IdentityService(ServerFixture servers) : ServiceFactory<IdentityDbContext>(servers, "identity", "identity-db")
{
    public const string AdminPassword = "Identity-Admin-Passw0rd";
    public const string RedirectUri = "http://staff.test/callback";

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Identity:AdminPassword"] = AdminPassword;
        settings["Identity:StaffClient:RedirectUris:0"] = RedirectUri;
    }

    // Identity validates its own tokens with OpenIddict; there is no JwtBearer setup to redirect.
    protected override void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (the test follows them).</summary>
    public HttpClient CreateBrowser() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<JsonElement> PasswordTokenAsync(string userName, string password, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = CreateClient();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "city-cli",
            ["username"] = userName,
            ["password"] = password,
        }));
        return await response.AssertJsonAsync(expected);
    }

    public async Task<string> AccessTokenAsync(string userName, string password) =>
        (await PasswordTokenAsync(userName, password)).GetProperty("access_token").GetString()!;

    /// <summary>A client of the admin API as the bootstrap admin, with a fresh token.</summary>
    public async Task<HttpClient> AdminAsync() => CreateClient(await AccessTokenAsync("admin", AdminPassword));

    public async Task<JsonElement> CreateUserAsync(object user)
    {
        using var admin = await AdminAsync();
        using var response = await admin.PostAsJsonAsync("/api/identity/users", user);
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>Creates an integrator client with <paramref name="scopes"/>; its id and its secret.</summary>
    public async Task<(string ClientId, string Secret)> CreateIntegratorAsync(params string[] scopes)
    {
        using var admin = await AdminAsync();
        using var response = await admin.PostAsJsonAsync("/api/identity/clients", new { displayName = "Test bank", scopes });
        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>A client-credentials token request; <paramref name="scope"/> null sends no <c>scope=</c> at all.</summary>
    public async Task<HttpResponseMessage> ClientTokenAsync(string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var client = CreateClient();
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    /// <summary>The current revocation list, read anonymously as every service reads it: subject → revokedAt.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> RevocationsAsync()
    {
        using var client = CreateClient();
        using var response = await client.GetAsync("/internal/revocations");
        var list = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.String, list.GetProperty("generatedAt").ValueKind);
        return list.GetProperty("revocations").EnumerateArray().ToDictionary(
            r => r.GetProperty("subject").GetString()!,
            r => r.GetProperty("revokedAt").GetDateTimeOffset());
    }
}

/// <summary>The same service configured as in Production: no password grant.</summary>
public sealed class IdentityServiceWithoutPasswordGrant(ServerFixture servers) : IdentityService(servers)
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Identity:AllowPasswordGrant"] = "false";
    }
}
