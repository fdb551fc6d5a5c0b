using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Identity.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>
/// Users switched off and changed by an admin (issue 14): a deactivated user cannot sign in and their
/// tokens are on the revocation list; a reactivated one signs in again with tokens the old row does not
/// cover; role and office changes and password resets revoke the tokens issued before them; the
/// bootstrap admin stays an admin; every change names who made it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class UserLifecycleTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private const string Password = "Staff-Passw0rd1";

    private static string NewName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private async Task<(string UserName, string Id)> NewUserAsync(string prefix, object? assignment = null)
    {
        var userName = NewName(prefix);
        var created = await identity.CreateUserAsync(assignment switch
        {
            null => new { userName, password = Password, roles = new[] { "registrar" } },
            _ => MergeName(assignment, userName),
        });
        return (userName, created.GetProperty("id").GetString()!);
    }

    private static Dictionary<string, object?> MergeName(object assignment, string userName)
    {
        var fields = JsonSerializer.SerializeToElement(assignment).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["userName"] = userName;
        fields["password"] = Password;
        return fields;
    }

    private async Task<JsonElement> PostAsync(string path, object? body, HttpStatusCode expected)
    {
        using var admin = await identity.AdminAsync();
        using var response = body is null ? await admin.PostAsync(path, null) : await admin.PostAsJsonAsync(path, body);
        return expected == HttpStatusCode.NoContent
            ? default
            : response.IsSuccessStatusCode ? await response.AssertJsonAsync(expected) : await response.AssertProblemAsync(expected);
    }

    private static long IssuedAt(string token) => new JsonWebToken(token).GetPayloadValue<long>("iat");

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_is_on_the_revocation_list()
    {
        var (userName, id) = await NewUserAsync("leaver");
        await identity.AccessTokenAsync(userName, Password);

        var deactivated = await PostAsync($"/api/identity/users/{userName}/deactivate", new { reason = "Left the municipality" }, HttpStatusCode.OK);

        Assert.False(deactivated.GetProperty("active").GetBoolean());
        Assert.Equal("Left the municipality", deactivated.GetProperty("deactivationReason").GetString());
        Assert.StartsWith("user:", deactivated.GetProperty("deactivatedBy").GetString(), StringComparison.Ordinal);
        var refused = await identity.PasswordTokenAsync(userName, Password, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", refused.GetProperty("error").GetString());
        var revocations = await identity.RevocationsAsync();
        Assert.True(revocations.ContainsKey(id), $"{id} is not on the revocation list");
        Assert.Equal(deactivated.GetProperty("deactivatedAt").GetDateTimeOffset(), revocations[id]);
    }

    [Fact]
    public async Task A_reactivated_user_signs_in_again_with_a_token_the_old_revocation_does_not_cover()
    {
        var (userName, id) = await NewUserAsync("returner");
        await PostAsync($"/api/identity/users/{userName}/deactivate", new { reason = "Long leave" }, HttpStatusCode.OK);

        var reactivated = await PostAsync($"/api/identity/users/{userName}/reactivate", null, HttpStatusCode.OK);
        var token = await identity.AccessTokenAsync(userName, Password);

        Assert.True(reactivated.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.Null, reactivated.GetProperty("deactivatedAt").ValueKind);
        var revokedAt = (await identity.RevocationsAsync())[id];
        Assert.True(DateTimeOffset.FromUnixTimeSeconds(IssuedAt(token)) > revokedAt,
            $"the new token (iat {IssuedAt(token)}) is covered by the revocation at {revokedAt:O}");
    }

    [Fact]
    public async Task A_revoked_admin_token_is_refused_by_identity_itself()
    {
        var (userName, _) = await NewUserAsync("deputy", new { roles = new[] { "admin" } });
        using var deputy = identity.CreateClient(await identity.AccessTokenAsync(userName, Password));
        using (var before = await deputy.GetAsync("/api/identity/users/admin"))
        {
            await before.AssertJsonAsync(HttpStatusCode.OK);
        }

        await PostAsync($"/api/identity/users/{userName}/deactivate", new { reason = "Account compromised" }, HttpStatusCode.OK);

        using var after = await deputy.GetAsync("/api/identity/users/admin");
        var problem = await after.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("TokenRevoked", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Deactivation_needs_a_reason_happens_once_and_reactivation_needs_a_deactivated_user()
    {
        var (userName, _) = await NewUserAsync("twice");

        var missing = await PostAsync($"/api/identity/users/{userName}/deactivate", new { reason = " " }, HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("reason", out _));
        var notDeactivated = await PostAsync($"/api/identity/users/{userName}/reactivate", null, HttpStatusCode.Conflict);
        Assert.Equal("NotDeactivated", notDeactivated.GetProperty("reason").GetString());

        await PostAsync($"/api/identity/users/{userName}/deactivate", new { reason = "Transferred" }, HttpStatusCode.OK);
        var again = await PostAsync($"/api/identity/users/{userName}/deactivate", new { reason = "Transferred" }, HttpStatusCode.Conflict);
        Assert.Equal("AlreadyDeactivated", again.GetProperty("reason").GetString());
        await PostAsync($"/api/identity/users/{NewName("nobody")}/deactivate", new { reason = "Never existed" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_bootstrap_admin_cannot_be_deactivated_lose_the_admin_role_or_be_reset()
    {
        var deactivate = await PostAsync("/api/identity/users/admin/deactivate", new { reason = "Oops" }, HttpStatusCode.Conflict);
        Assert.Equal("BootstrapAdmin", deactivate.GetProperty("reason").GetString());

        using var admin = await identity.AdminAsync();
        using var demote = await admin.PutAsJsonAsync("/api/identity/users/admin/assignment", new { roles = new[] { "registrar" } });
        Assert.Equal("BootstrapAdmin", (await demote.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("reason").GetString());
        var reset = await PostAsync("/api/identity/users/admin/password", new { password = "Another-Passw0rd" }, HttpStatusCode.Conflict);
        Assert.Equal("BootstrapAdmin", reset.GetProperty("reason").GetString());

        using var read = await admin.GetAsync("/api/identity/users/admin");
        var stillAdmin = await read.AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(stillAdmin.GetProperty("active").GetBoolean());
        Assert.Equal(["admin"], stillAdmin.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await identity.AccessTokenAsync("admin", IdentityService.AdminPassword);
    }

    [Fact]
    public async Task No_user_is_both_office_operator_and_district_reviewer_at_creation_or_by_a_change()
    {
        var nationalId = NationalIds.Next();
        using var admin = await identity.AdminAsync();
        using var created = await admin.PostAsJsonAsync("/api/identity/users", new
        {
            userName = NewName("both"), password = Password, roles = new[] { "office-operator", "district-reviewer" }, nationalId, officeCode = "TEH01", district = 3,
        });
        Assert.True((await created.AssertValidationProblemAsync()).TryGetProperty("roles", out _));

        var (userName, id) = await NewUserAsync("operator", new { roles = new[] { "office-operator" }, nationalId, officeCode = "TEH01" });
        using var changed = await admin.PutAsJsonAsync($"/api/identity/users/{userName}/assignment",
            new { roles = new[] { "office-operator", "district-reviewer" }, nationalId, officeCode = "TEH01", district = 3 });
        Assert.True((await changed.AssertValidationProblemAsync()).TryGetProperty("roles", out _));

        Assert.Equal(0L, await identity.CountAsync("SELECT count(*) FROM users WHERE user_name = @name AND 'district-reviewer' = ANY(roles)", ("name", userName)));
        Assert.False((await identity.RevocationsAsync()).ContainsKey(id), "a refused change revoked the user's tokens");
    }

    [Fact]
    public async Task A_change_of_office_revokes_earlier_tokens_and_the_next_token_carries_the_new_claims()
    {
        var nationalId = NationalIds.Next();
        var (userName, id) = await NewUserAsync("mover", new { roles = new[] { "office-operator" }, nationalId, officeCode = "TEH01" });
        var before = await identity.AccessTokenAsync(userName, Password);

        using var admin = await identity.AdminAsync();
        using var response = await admin.PutAsJsonAsync($"/api/identity/users/{userName}/assignment",
            new { roles = new[] { "office-operator" }, nationalId, officeCode = "teh02" });
        var changed = await response.AssertJsonAsync(HttpStatusCode.OK);
        var after = await identity.AccessTokenAsync(userName, Password);

        Assert.Equal("TEH02", changed.GetProperty("officeCode").GetString());
        var revokedAt = (await identity.RevocationsAsync())[id];
        Assert.True(DateTimeOffset.FromUnixTimeSeconds(IssuedAt(before)) <= revokedAt, "the token from before the change is not covered");
        Assert.True(DateTimeOffset.FromUnixTimeSeconds(IssuedAt(after)) > revokedAt, "the token from after the change is covered");
        Assert.Equal("TEH02", new JsonWebToken(after).GetClaim("office_code").Value);

        // The same assignment again changes nothing, so it revokes nothing either.
        using var same = await admin.PutAsJsonAsync($"/api/identity/users/{userName}/assignment",
            new { roles = new[] { "office-operator" }, nationalId, officeCode = "TEH02" });
        await same.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(revokedAt, (await identity.RevocationsAsync())[id]);
    }

    [Fact]
    public async Task An_admin_password_reset_follows_the_policy_ends_a_lockout_and_revokes_earlier_tokens()
    {
        var (userName, id) = await NewUserAsync("forgetful");
        for (var i = 0; i < 5; i++)
        {
            await identity.PasswordTokenAsync(userName, "Wrong-Passw0rd", HttpStatusCode.BadRequest);
        }

        Assert.Equal(1L, await identity.CountAsync("SELECT count(*) FROM users WHERE user_name = @name AND locked_until > now()", ("name", userName)));

        var weak = await PostAsync($"/api/identity/users/{userName}/password", new { password = "short" }, HttpStatusCode.BadRequest);
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));
        await PostAsync($"/api/identity/users/{userName}/password", new { password = "Fresh-Passw0rd2" }, HttpStatusCode.NoContent);

        await identity.PasswordTokenAsync(userName, Password, HttpStatusCode.BadRequest);
        await identity.AccessTokenAsync(userName, "Fresh-Passw0rd2");
        Assert.True((await identity.RevocationsAsync()).ContainsKey(id));
    }

    [Fact]
    public async Task Users_are_listed_by_page_and_found_by_part_of_their_name()
    {
        var (userName, _) = await NewUserAsync("findme");
        using var admin = await identity.AdminAsync();

        using var found = await admin.GetAsync($"/api/identity/users?q={userName[3..].ToUpperInvariant()}&pageSize=5");
        var page = await found.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(userName, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("userName").GetString());
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(5, page.GetProperty("pageSize").GetInt32());

        using var bad = await admin.GetAsync("/api/identity/users?pageSize=1000");
        Assert.True((await bad.AssertValidationProblemAsync()).TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Every_change_is_recorded_with_who_when_and_why()
    {
        using var admin = await identity.AdminAsync();
        using var me = await admin.GetAsync("/api/identity/users/admin");
        var actor = "user:" + (await me.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString();
        var (userName, id) = await NewUserAsync("audited");

        await PostAsync($"/api/identity/users/{userName}/deactivate", new { reason = "Audit trail check" }, HttpStatusCode.OK);
        await PostAsync($"/api/identity/users/{userName}/reactivate", new { reason = "Back" }, HttpStatusCode.OK);

        Assert.Equal(1L, await identity.CountAsync(
            "SELECT count(*) FROM account_changes WHERE account = @account AND action = 'Created' AND actor = @actor", ("account", $"user:{id}"), ("actor", actor)));
        Assert.Equal(1L, await identity.CountAsync(
            "SELECT count(*) FROM account_changes WHERE account = @account AND action = 'Deactivated' AND actor = @actor AND reason = 'Audit trail check' AND at > now() - interval '1 minute'",
            ("account", $"user:{id}"), ("actor", actor)));
        Assert.Equal(1L, await identity.CountAsync(
            "SELECT count(*) FROM account_changes WHERE account = @account AND action = 'Reactivated' AND reason = 'Back'", ("account", $"user:{id}")));
    }
}
