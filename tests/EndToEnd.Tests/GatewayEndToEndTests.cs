using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using Aspire.Hosting.Testing;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>The gateway's own promises, through the real stack: tokens, idempotency, the API reference, staff sign-in.</summary>
[Collection(CityStackCollection.Name)]
public sealed class GatewayEndToEndTests(CityStackFixture stack)
{
    [Fact]
    public async Task An_admin_creates_an_integrator_whose_client_credentials_token_works_and_is_refused_where_its_role_is_not_enough()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);

        var client = await gateway.PostAsJsonAsync("/api/identity/clients", new { displayName = "Tehran Water", roles = new[] { "integrator" } }, admin)
            .ExpectAsync(HttpStatusCode.Created);
        var token = await RoleTokens.ClientCredentialsTokenAsync(gateway, client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>());

        await gateway.GetAsync("/api/service-types", token).ExpectAsync(HttpStatusCode.OK);
        using var refused = await gateway.PostAsJsonAsync("/api/offices", new { code = "W1", name = "x", district = 1, address = "x" }, token);
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = await gateway.GetAsync("/api/service-types");
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_same_post_with_the_same_idempotency_key_creates_one_record()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var code = "I" + Random.Shared.Next(100_000, 999_999);
        var key = Guid.NewGuid().ToString();
        var body = new { code, name = "دفتر تکرار", district = 4, address = "تهران" };

        using var first = await SendAsync(gateway, admin, key, body);
        using var second = await SendAsync(gateway, admin, key, body);
        using var changed = await SendAsync(gateway, admin, key, body with { name = "دفتر دیگر" });
        // Without the key the service itself sees the second attempt: the office exists once already.
        using var withoutKey = await SendAsync(gateway, admin, key: null, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        await changed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await withoutKey.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient gateway, string token, string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/offices") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return gateway.SendAsync(request);
    }

    [Theory]
    [InlineData("identity", "/api/identity/users")]
    [InlineData("property", "/api/properties")]
    [InlineData("officemanagement", "/api/offices")]
    [InlineData("urbanplanning", "/api/urban-planning/files")]
    [InlineData("archive", "/api/archive/categories")]
    public async Task Each_service_publishes_its_operations_with_the_bearer_scheme_through_the_gateway(string service, string path)
    {
        using var response = await stack.Gateway.GetAsync($"/openapi/{service}/v1.json");
        var document = await response.ReadJsonAsync(HttpStatusCode.OK);

        var paths = document["paths"]!.AsObject();
        Assert.Contains(paths, p => p.Key.StartsWith(path, StringComparison.Ordinal));
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("/", document["servers"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scalar_is_served_with_every_service_document()
    {
        using var response = await stack.Gateway.GetAsync("/scalar");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var service in new[] { "identity", "property", "officemanagement", "urbanplanning", "archive" })
        {
            Assert.Contains($"openapi/{service}/v1.json", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staff_sign_in_with_code_and_pkce_through_the_gateway()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var userName = "staff" + Random.Shared.Next(10_000, 99_999);
        await gateway.PostAsJsonAsync("/api/identity/users", new { userName, password = "Staff-Passw0rd", roles = new[] { "registrar" } }, admin)
            .ExpectAsync(HttpStatusCode.Created);
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        const string redirectUri = "http://localhost:8080/scalar/";

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = gateway.BaseAddress };
        var authorize = $"/connect/authorize?client_id=city-staff&response_type=code&redirect_uri={Uri.EscapeDataString(redirectUri)}&code_challenge={challenge}&code_challenge_method=S256&state=s1";
        using var toLogin = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var returnUrl = HttpUtility.ParseQueryString(new Uri(gateway.BaseAddress!, toLogin.Headers.Location!).Query)["ReturnUrl"]!;
        // The form's antiforgery token (and its cookie, kept by the handler) as a browser gets them.
        using var loginPage = await browser.GetAsync(toLogin.Headers.Location);
        var antiforgery = System.Text.RegularExpressions.Regex.Match(await loginPage.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]*)\"");
        Assert.True(antiforgery.Success, "the login page carries no antiforgery token");
        using var signedIn = await browser.PostAsync("/connect/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = userName,
            ["password"] = "Staff-Passw0rd",
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = HttpUtility.HtmlDecode(antiforgery.Groups[1].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var withCode = await browser.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        var code = HttpUtility.ParseQueryString(withCode.Headers.Location!.Query)["code"]!;

        using var tokenResponse = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "city-staff",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        }));
        var token = (await tokenResponse.ReadJsonAsync(HttpStatusCode.OK))["access_token"]!.GetValue<string>();

        await gateway.GetAsync("/api/service-types", token).ExpectAsync(HttpStatusCode.OK);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public async Task A_token_signed_by_a_foreign_key_is_refused_by_the_gateway_and_by_the_service()
    {
        var forged = TestTokens.Forged(["admin"]);
        using var direct = stack.App.CreateHttpClient("property", "http");

        using var throughGateway = await stack.Gateway.GetAsync("/api/service-types", forged);
        using var atService = await direct.GetAsync("/api/properties/1-1-1-1-0-0-0", forged);

        await throughGateway.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, atService.StatusCode);
    }
}
