using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Identity.Data;
using CityEServices.Identity.IntegrationTests.Infrastructure;
using CityEServices.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>
/// A citizen asks for a code (POST /api/identity/citizens/sign-in-codes), identity queues it for
/// notifications through its outbox, and the citizen-otp grant turns the code into a short citizen token.
/// The code is read where notifications would get it: the outbox row (and, once, off the broker).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CitizenSignInTests(IdentityServiceWithFakeClock identity) : IClassFixture<IdentityServiceWithFakeClock>
{
    private const string SignInCodes = "/api/identity/citizens/sign-in-codes";
    private const string GrantType = "urn:ir:tehran:city:citizen-otp";
    private const string EventType = "CityEServices.Contracts.Events.CitizenSignInCodeIssued";

    private async Task<HttpResponseMessage> RequestCodeAsync(string nationalId)
    {
        using var client = identity.CreateClient();
        return await client.PostAsJsonAsync(SignInCodes, new { nationalId });
    }

    private async Task RequestCodeAcceptedAsync(string nationalId)
    {
        using var response = await RequestCodeAsync(nationalId);
        await response.AssertJsonAsync(HttpStatusCode.Accepted);
    }

    /// <summary>The codes queued for <paramref name="nationalId"/>, newest first, as notifications will receive them.</summary>
    private async Task<IReadOnlyList<string>> CodesSentAsync(string nationalId)
    {
        await using var scope = identity.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == EventType)
            .OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id).ToListAsync();
        return [.. rows.Select(r => JsonDocument.Parse(r.Payload).RootElement)
            .Where(p => p.GetProperty("nationalId").GetString() == nationalId)
            .Select(p => p.GetProperty("code").GetString()!)];
    }

    private async Task<string> NewCodeAsync(string nationalId)
    {
        await RequestCodeAcceptedAsync(nationalId);
        return (await CodesSentAsync(nationalId))[0];
    }

    private async Task<HttpResponseMessage> TokenAsync(string nationalId, string code, string clientId = "city-citizen")
    {
        using var client = identity.CreateClient();
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = GrantType,
            ["client_id"] = clientId,
            ["national_id"] = nationalId,
            ["code"] = code,
        }));
    }

    private static string Wrong(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task AssertInvalidGrantAsync(HttpResponseMessage response)
    {
        var error = await response.AssertJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_right_code_gets_a_short_citizen_token_with_the_national_id_and_no_refresh_token()
    {
        var nationalId = NationalIds.Next();
        var code = await NewCodeAsync(nationalId);
        Assert.Matches("^[0-9]{6}$", code);

        using var response = await TokenAsync(nationalId, code);
        var token = await response.AssertJsonAsync(HttpStatusCode.OK);

        Assert.False(token.TryGetProperty("refresh_token", out _));
        Assert.InRange(token.GetProperty("expires_in").GetInt32(), 1, 600);
        var jwt = new JsonWebToken(token.GetProperty("access_token").GetString()!);
        Assert.Equal(["citizen"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal(nationalId, jwt.Claims.Single(c => c.Type == "national_id").Value);
        Assert.DoesNotContain(jwt.Claims, c => c.Type is "scope" or "office_code" or "district");
    }

    [Fact]
    public async Task The_answer_is_the_same_202_for_anyone_and_a_bad_national_id_is_a_400()
    {
        using var first = await RequestCodeAsync(NationalIds.Next());
        using var second = await RequestCodeAsync(NationalIds.Next());
        var a = await first.AssertJsonAsync(HttpStatusCode.Accepted);
        var b = await second.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal(
            a.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            b.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        using var invalid = await RequestCodeAsync("1234567890");
        var errors = await invalid.AssertValidationProblemAsync();
        Assert.True(errors.TryGetProperty("nationalId", out _), errors.ToString());
    }

    [Fact]
    public async Task A_code_is_dead_after_two_minutes()
    {
        var nationalId = NationalIds.Next();
        var code = await NewCodeAsync(nationalId);

        identity.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        using var response = await TokenAsync(nationalId, code);
        await AssertInvalidGrantAsync(response);
    }

    [Fact]
    public async Task A_code_still_works_just_before_it_expires()
    {
        var nationalId = NationalIds.Next();
        var code = await NewCodeAsync(nationalId);

        identity.Clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(5));

        using var response = await TokenAsync(nationalId, code);
        await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Five_wrong_tries_kill_the_code_even_for_the_right_answer_after_them()
    {
        var nationalId = NationalIds.Next();
        var code = await NewCodeAsync(nationalId);

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await TokenAsync(nationalId, Wrong(code));
            await AssertInvalidGrantAsync(wrong);
        }

        // Four wrong tries leave one; this test would pass trivially if every code were dead.
        var other = NationalIds.Next();
        var otherCode = await NewCodeAsync(other);
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await TokenAsync(other, Wrong(otherCode));
            await AssertInvalidGrantAsync(wrong);
        }

        using (var fifthRight = await TokenAsync(other, otherCode))
        {
            await fifthRight.AssertJsonAsync(HttpStatusCode.OK);
        }

        using (var fifth = await TokenAsync(nationalId, Wrong(code)))
        {
            await AssertInvalidGrantAsync(fifth);
        }

        using var right = await TokenAsync(nationalId, code);
        await AssertInvalidGrantAsync(right);
    }

    [Fact]
    public async Task A_used_code_cannot_be_used_again()
    {
        var nationalId = NationalIds.Next();
        var code = await NewCodeAsync(nationalId);

        using (var first = await TokenAsync(nationalId, code))
        {
            await first.AssertJsonAsync(HttpStatusCode.OK);
        }

        using var again = await TokenAsync(nationalId, code);
        await AssertInvalidGrantAsync(again);
    }

    [Fact]
    public async Task A_code_is_good_only_for_its_own_national_id_and_only_the_latest_counts()
    {
        var nationalId = NationalIds.Next();
        var older = await NewCodeAsync(nationalId);
        var latest = await NewCodeAsync(nationalId);

        using (var someoneElse = await TokenAsync(NationalIds.Next(), latest))
        {
            await AssertInvalidGrantAsync(someoneElse);
        }

        if (older != latest)
        {
            using var stale = await TokenAsync(nationalId, older);
            await AssertInvalidGrantAsync(stale);
        }

        using var response = await TokenAsync(nationalId, latest);
        await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Three_codes_per_national_id_per_fifteen_minutes_then_429_until_the_window_moves()
    {
        var nationalId = NationalIds.Next();
        for (var i = 0; i < 3; i++)
        {
            await RequestCodeAcceptedAsync(nationalId);
            identity.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        using (var fourth = await RequestCodeAsync(nationalId))
        {
            var problem = await fourth.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal("SignInCodeRateLimited", problem.GetProperty("reason").GetString());
            Assert.NotNull(fourth.Headers.RetryAfter);
        }

        Assert.Equal(3, (await CodesSentAsync(nationalId)).Count);
        // Another national ID is not held back by this one's limit.
        await RequestCodeAcceptedAsync(NationalIds.Next());

        // The first code was issued 15 minutes ago after 12 more: the window has room for one again.
        identity.Clock.Advance(TimeSpan.FromMinutes(12) + TimeSpan.FromSeconds(1));
        await RequestCodeAcceptedAsync(nationalId);
        Assert.Equal(4, (await CodesSentAsync(nationalId)).Count);
    }

    [Fact]
    public async Task Other_clients_may_not_use_the_citizen_grant()
    {
        var nationalId = NationalIds.Next();
        var code = await NewCodeAsync(nationalId);

        using var response = await TokenAsync(nationalId, code, clientId: "city-cli");
        var error = await response.AssertJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("unauthorized_client", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_citizen_token_is_refused_by_the_admin_api()
    {
        var nationalId = NationalIds.Next();
        var code = await NewCodeAsync(nationalId);
        using var response = await TokenAsync(nationalId, code);
        var token = (await response.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("access_token").GetString()!;

        using var citizen = identity.CreateClient(token);
        using var users = await citizen.GetAsync("/api/identity/users");
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        using var clients = await citizen.GetAsync("/api/identity/clients");
        Assert.Equal(HttpStatusCode.Forbidden, clients.StatusCode);
    }

    [Fact]
    public async Task The_code_reaches_the_broker_through_the_outbox()
    {
        await using var listener = await RabbitListener.BindAsync(identity.RabbitMqConnectionString, "CityEServices.Contracts.Events:CitizenSignInCodeIssued");
        var nationalId = NationalIds.Next();
        var code = await NewCodeAsync(nationalId);

        var received = await listener.WaitForAsync(
            r => r.Envelope.GetProperty("message").GetProperty("nationalId").GetString() == nationalId,
            TimeSpan.FromSeconds(30), "the sign-in code's event on the broker");
        Assert.Equal(code, Assert.Single(received).Envelope.GetProperty("message").GetProperty("code").GetString());
    }
}
