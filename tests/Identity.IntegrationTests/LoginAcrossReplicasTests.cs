using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using CityEServices.Identity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.IdentityModel.Tokens;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>
/// Behind the gateway one browser's requests land on any replica: the login form one rendered (its
/// antiforgery token) and the sign-in cookie another set must be read by the rest, so the data
/// protection key ring is in the identity database, not in each process.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LoginAcrossReplicasTests(IdentityReplicas replicas) : IClassFixture<IdentityReplicas>
{
    private const string Password = "Archivist-Passw0rd";

    [Fact]
    public async Task A_form_rendered_by_one_replica_signs_in_at_another_and_the_code_comes_from_the_first()
    {
        var userName = "archivist" + Guid.NewGuid().ToString("N")[..8];
        await replicas.First.CreateUserAsync(new { userName, password = Password, roles = new[] { "archivist" } });
        var jar = new CookieContainer();
        using var first = replicas.First.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        using var second = replicas.Second.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?client_id=city-staff&response_type=code&redirect_uri={Uri.EscapeDataString(IdentityService.RedirectUri)}"
            + $"&code_challenge={challenge}&code_challenge_method=S256";

        using var toLogin = await first.GetAsync(authorize);
        using var page = await first.GetAsync(toLogin.Headers.Location);
        var form = LoginForm.Parse(await page.Content.ReadAsStringAsync());

        using var posted = await second.PostAsync("/connect/login", form.Post(userName, Password));
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"the second replica refused the first one's form: {(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}");

        using var authorized = await first.GetAsync(posted.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        var code = HttpUtility.ParseQueryString(authorized.Headers.Location!.Query)["code"];
        Assert.False(string.IsNullOrEmpty(code), $"no code in {authorized.Headers.Location}");

        using var redeemed = await second.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "city-staff",
            ["code"] = code,
            ["redirect_uri"] = IdentityService.RedirectUri,
            ["code_verifier"] = verifier,
        }));
        await redeemed.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_key_ring_is_kept_in_the_identity_database()
    {
        // Created at start-up, before any form: replicas starting together agree on it early.
        Assert.True(await replicas.First.CountAsync("SELECT count(*) FROM data_protection_keys") > 0, "no data protection key in the identity database");
    }
}
