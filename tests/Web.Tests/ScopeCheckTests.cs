using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityEServices.Web.Tests;

/// <summary>Least privilege for integrator clients: an endpoint is theirs only through a scope it names and they hold.</summary>
public sealed class ScopeCheckTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>("Test", null);
        builder.Services.AddAuthorization();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.UseScopeChecks();
        _app.MapPost("/api/payments/1/confirmations", () => "paid").RequireScope(Scopes.Payments);
        _app.MapGet("/api/properties/1", () => "read").RequireScope(Scopes.PropertyRead, Scopes.PiiRead);
        _app.MapGet("/api/offices", () => "offices");
        _app.MapGet("/api/service-types", () => "catalog").AllowAnyClient();
        _app.MapGet("/api/track/1", () => "tracked").AllowAnonymous();
        await _app.StartAsync();
        _http = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_client_without_the_scope_is_refused_with_insufficient_scope()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/payments/1/confirmations", Client(Scopes.UrbanPlanningRead));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync();
        Assert.Equal("insufficient_scope", problem.GetProperty("reason").GetString());
        Assert.Equal("payments", problem.GetProperty("requiredScopes")[0].GetString());
        Assert.Contains("error=\"insufficient_scope\", scope=\"payments\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_client_with_one_of_the_scopes_gets_through()
    {
        using var paid = await SendAsync(HttpMethod.Post, "/api/payments/1/confirmations", Client(Scopes.Payments));
        using var read = await SendAsync(HttpMethod.Get, "/api/properties/1", Client(Scopes.PiiRead));

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task An_endpoint_that_names_no_scope_is_not_for_clients_whatever_they_hold()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/offices", Client([.. Scopes.All]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("insufficient_scope", (await response.Content.ReadFromJsonAsync()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_endpoint_open_to_any_client_serves_a_client_granted_nothing()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/service-types", Client());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Staff_are_authorised_by_roles_and_anonymous_endpoints_stay_open()
    {
        using var staff = await SendAsync(HttpMethod.Get, "/api/offices", "sub=u1;client_id=city-cli;role=admin");
        using var tracked = await SendAsync(HttpMethod.Get, "/api/track/1", Client());

        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
    }

    private static string Client(params string[] scopes) => $"sub=bank;client_id=bank;role=integrator;scope={string.Join(' ', scopes)}";

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string claims)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Test-Claims", claims);
        return _http.SendAsync(request);
    }

    /// <summary>Claims from a test header, so the middleware sees exactly the principal a token would give.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers["X-Test-Claims"].ToString();
            if (header.Length == 0)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var claims = header.Split(';').Select(p => p.Split('=', 2)).Select(p => new Claim(p[0], p[1]));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test", CityClaims.Name, CityClaims.Role));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, "Test")));
        }
    }
}

internal static class JsonContentExtensions
{
    public static async Task<JsonElement> ReadFromJsonAsync(this HttpContent content) =>
        await JsonSerializer.DeserializeAsync<JsonElement>(await content.ReadAsStreamAsync());
}
