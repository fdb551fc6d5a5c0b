using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using CityEServices.Identity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>
/// A member of staff signs in through the browser flow (authorization code + PKCE), driven here with
/// HttpClient exactly as a browser would: follow each redirect, post the login form, redeem the code.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AuthorizationCodeFlowTests(IdentityService identity) : IClassFixture<IdentityService>, IAsyncLifetime
{
    private const string Password = "Reviewer-Passw0rd";
    private readonly IdentityService _identity = identity;
    private readonly string _userName = "reviewer" + Guid.NewGuid().ToString("N")[..8];

    public Task InitializeAsync() => _identity.CreateUserAsync(new
    {
        userName = _userName,
        password = Password,
        roles = new[] { "district-reviewer" },
        district = 7,
    });

    public Task DisposeAsync() => Task.CompletedTask;

    private static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return (verifier, challenge);
    }

    private static string AuthorizeUrl(string? challenge, string state = "st4te") =>
        "/connect/authorize?client_id=city-staff&response_type=code"
        + $"&redirect_uri={Uri.EscapeDataString(IdentityService.RedirectUri)}&state={state}"
        + (challenge is null ? "" : $"&code_challenge={challenge}&code_challenge_method=S256");

    /// <summary>Authorize → login page: the page's status, its HTML and the form's hidden fields (return URL, antiforgery token).</summary>
    private static async Task<LoginForm> OpenLoginFormAsync(HttpClient browser, string challenge)
    {
        using var toLogin = await browser.GetAsync(AuthorizeUrl(challenge));
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var login = toLogin.Headers.Location!;
        Assert.False(login.IsAbsoluteUri, $"the login redirect must be relative (behind the gateway): {login}");
        Assert.StartsWith("/connect/login", login.OriginalString, StringComparison.Ordinal);

        using var page = await browser.GetAsync(login);
        var form = LoginForm.Parse(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("/connect/authorize?", form.ReturnUrl, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(form.AntiforgeryToken), "the login form carries no antiforgery token");
        return form;
    }

    /// <summary>Authorize → login page → post the form → authorize again → the redirect with the code.</summary>
    private async Task<Uri> SignInAsync(HttpClient browser, string challenge, string password = Password)
    {
        var form = await OpenLoginFormAsync(browser, challenge);

        using var posted = await browser.PostAsync("/connect/login", form.Post(_userName, password));
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            return new Uri("about:refused");
        }

        using var authorized = await browser.GetAsync(posted.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        return authorized.Headers.Location!;
    }

    private Task<HttpResponseMessage> RedeemAsync(string code, string verifier)
    {
        var client = _identity.CreateClient();
        return client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "city-staff",
            ["code"] = code,
            ["redirect_uri"] = IdentityService.RedirectUri,
            ["code_verifier"] = verifier,
        }));
    }

    [Fact]
    public async Task Staff_sign_in_with_code_and_pkce_gets_a_token_with_their_roles_and_claims_once()
    {
        using var browser = _identity.CreateBrowser();
        var (verifier, challenge) = NewPkce();

        var callback = await SignInAsync(browser, challenge);

        Assert.StartsWith(IdentityService.RedirectUri, callback.AbsoluteUri, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal("st4te", query["state"]);
        var code = query["code"]!;

        using var redeemed = await RedeemAsync(code, verifier);
        var token = (await redeemed.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("access_token").GetString()!;
        var jwt = new JsonWebToken(token);
        Assert.Equal(_userName, jwt.GetClaim("name").Value);
        Assert.Equal("district-reviewer", jwt.GetClaim("role").Value);
        Assert.Equal("7", jwt.GetClaim("district").Value);
        Assert.Contains("city-api", jwt.Audiences);

        using var again = await RedeemAsync(code, verifier);
        Assert.Equal("invalid_grant", (await again.AssertJsonAsync(HttpStatusCode.BadRequest)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_code_with_the_wrong_verifier_is_refused()
    {
        using var browser = _identity.CreateBrowser();
        var (_, challenge) = NewPkce();
        var callback = await SignInAsync(browser, challenge);
        var code = HttpUtility.ParseQueryString(callback.Query)["code"]!;

        using var refused = await RedeemAsync(code, NewPkce().Verifier);

        Assert.Equal("invalid_grant", (await refused.AssertJsonAsync(HttpStatusCode.BadRequest)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorization_without_pkce_is_refused()
    {
        using var browser = _identity.CreateBrowser();

        using var response = await browser.GetAsync(AuthorizeUrl(challenge: null));

        // OpenIddict answers the browser itself rather than sending a code anywhere.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_without_redirecting()
    {
        using var browser = _identity.CreateBrowser();
        var url = AuthorizeUrl(NewPkce().Challenge).Replace(Uri.EscapeDataString(IdentityService.RedirectUri), Uri.EscapeDataString("http://evil.test/cb"), StringComparison.Ordinal);

        using var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_on_the_login_page_does_not_sign_in()
    {
        using var browser = _identity.CreateBrowser();

        var callback = await SignInAsync(browser, NewPkce().Challenge, password: "Wrong-Passw0rd");

        Assert.Equal("about:refused", callback.OriginalString);
        using var stillAnonymous = await browser.GetAsync(AuthorizeUrl(NewPkce().Challenge));
        Assert.StartsWith("/connect/login", stillAnonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private async Task DeactivateAsync()
    {
        using var admin = await _identity.AdminAsync();
        using var response = await admin.PostAsJsonAsync($"/api/identity/users/{_userName}/deactivate", new { reason = "Left the district" });
        await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_on_the_login_page()
    {
        await DeactivateAsync();
        using var browser = _identity.CreateBrowser();

        var callback = await SignInAsync(browser, NewPkce().Challenge);

        Assert.Equal("about:refused", callback.OriginalString);
    }

    [Fact]
    public async Task A_code_issued_before_a_deactivation_gets_no_token()
    {
        using var browser = _identity.CreateBrowser();
        var (verifier, challenge) = NewPkce();
        var code = HttpUtility.ParseQueryString((await SignInAsync(browser, challenge)).Query)["code"]!;

        await DeactivateAsync();
        using var refused = await RedeemAsync(code, verifier);

        Assert.Equal("invalid_grant", (await refused.AssertJsonAsync(HttpStatusCode.BadRequest)).GetProperty("error").GetString());
        // Nor does the sign-in cookie still open the authorization endpoint.
        using var again = await browser.GetAsync(AuthorizeUrl(NewPkce().Challenge));
        Assert.StartsWith("/connect/login", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    public enum ForgedToken
    {
        Missing,
        FromAnotherBrowser,
        Altered,
    }

    [Theory]
    [InlineData(ForgedToken.Missing)]
    [InlineData(ForgedToken.FromAnotherBrowser)]
    [InlineData(ForgedToken.Altered)]
    public async Task A_login_post_without_a_valid_antiforgery_token_is_refused_and_signs_nobody_in(ForgedToken forged)
    {
        using var browser = _identity.CreateBrowser();
        var form = await OpenLoginFormAsync(browser, NewPkce().Challenge);
        var token = forged switch
        {
            ForgedToken.Missing => null,
            ForgedToken.FromAnotherBrowser => await AnotherBrowsersTokenAsync(),
            _ => form.AntiforgeryToken[..^4] + "AAAA",
        };

        using var posted = await browser.PostAsync("/connect/login", (form with { AntiforgeryToken = token! }).Post(_userName, Password, includeToken: token is not null));

        var html = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)posted.StatusCode}: {html}");
        Assert.Equal("text/html", posted.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This form has expired or was not sent from this page", html, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(LoginForm.Parse(html).AntiforgeryToken), "the page shown again must carry a fresh token");
        Assert.DoesNotContain(posted.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("city.staff=", StringComparison.Ordinal));

        using var stillAnonymous = await browser.GetAsync(AuthorizeUrl(NewPkce().Challenge));
        Assert.StartsWith("/connect/login", stillAnonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // A forged post never reaches the password check, so it cannot lock the account out either.
        Assert.Equal(0L, await _identity.CountAsync("SELECT failed_attempts FROM users WHERE user_name = @name", ("name", _userName)));
    }

    private async Task<string> AnotherBrowsersTokenAsync()
    {
        using var other = _identity.CreateBrowser();
        return (await OpenLoginFormAsync(other, NewPkce().Challenge)).AntiforgeryToken;
    }

    [Theory]
    [InlineData("https://evil.test/connect/authorize?x=1")]
    [InlineData("//evil.test/connect/authorize?x=1")]
    [InlineData("/connect/authorize?x=//evil.test")]
    [InlineData("/elsewhere")]
    public void The_login_page_returns_only_to_the_authorization_endpoint(string returnUrl) =>
        Assert.Equal("/connect/authorize", Features.SignIn.LoginPage.SafeReturnUrl(returnUrl));
}
