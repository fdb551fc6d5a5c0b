using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Identity.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Identity.IntegrationTests.Infrastructure;

/// <summary>The real identity service (OpenIddict, its migrations, its seeding) on a TestServer with its own database.</summary>
public class IdentityService(ServerFixture servers) : ServiceFactory<IdentityDataContext>(servers, "identity", "identity-db")
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

    public async Task CreateUserAsync(object user)
    {
        var admin = (await PasswordTokenAsync("admin", AdminPassword)).GetProperty("access_token").GetString()!;
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var response = await client.PostAsJsonAsync("/api/identity/users", user);
        await response.AssertJsonAsync(HttpStatusCode.Created);
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
