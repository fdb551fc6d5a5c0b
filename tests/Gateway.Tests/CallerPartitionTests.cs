using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.Gateway.Proxy;
using CityEServices.Gateway.Tests.Infrastructure;
using StackExchange.Redis;

namespace CityEServices.Gateway.Tests;

/// <summary>
/// Rate limits and idempotency keys belong to a person when there is one: every staff token names the
/// application it was issued to (city-cli), and that must not make two people one caller.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class CallerPartitionTests(GatewayFixture fixture)
{
    private static string Staff(string subject) =>
        TestTokens.Create([Roles.Registrar], subject: subject, clientId: "city-cli");

    private static HttpRequestMessage Post(string testId, string key, object body, bool noStore = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/properties") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add("X-Test-Id", testId);
        if (noStore)
        {
            request.Headers.Add("X-Test-No-Store", "1");
        }

        return request;
    }

    [Fact]
    public async Task Two_staff_users_with_the_same_idempotency_key_never_see_each_others_answer()
    {
        var testId = Guid.NewGuid().ToString("N");
        var key = "shared-" + Guid.NewGuid();
        using var alice = fixture.Gateway.CreateClient(Staff("alice-" + testId));
        using var bob = fixture.Gateway.CreateClient(Staff("bob-" + testId));

        using var first = await alice.SendAsync(Post(testId, key, new { who = "alice" }));
        using var second = await bob.SendAsync(Post(testId, key, new { who = "bob" }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Contains("bob", await second.Content.ReadAsStringAsync());
        Assert.DoesNotContain("alice", await second.Content.ReadAsStringAsync());
        Assert.Equal(2, fixture.Service.HitsFor(testId));
    }

    [Fact]
    public async Task Two_staff_users_of_one_application_have_their_own_rate_limits()
    {
        // The fixture's gateway allows 40 API requests an hour per caller.
        var run = Guid.NewGuid().ToString("N");
        using var alice = fixture.Gateway.CreateClient(Staff("alice-" + run));
        using var bob = fixture.Gateway.CreateClient(Staff("bob-" + run));

        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 41 && last != HttpStatusCode.TooManyRequests; i++)
        {
            using var response = await alice.GetAsync("/api/properties/limit-probe");
            last = response.StatusCode;
        }

        using var bobs = await bob.GetAsync("/api/properties/limit-probe");

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Equal(HttpStatusCode.OK, bobs.StatusCode);
    }

    [Fact]
    public async Task A_secret_shown_once_is_never_kept_for_replay()
    {
        var testId = Guid.NewGuid().ToString("N");
        var key = "client-" + Guid.NewGuid();
        using var admin = fixture.Gateway.CreateClient(TestTokens.Create([Roles.Admin], subject: "admin-" + testId, clientId: "city-cli"));

        using var first = await admin.SendAsync(Post(testId, key, new { displayName = "bank" }, noStore: true));
        var secret = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        using var again = await admin.SendAsync(Post(testId, key, new { displayName = "bank" }, noStore: true));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("AnswerWithheld", problem.GetProperty("reason").GetString());
        Assert.Equal(201, problem.GetProperty("firstStatus").GetInt32());
        Assert.DoesNotContain(secret, problem.GetRawText());
        Assert.Equal(1, fixture.Service.HitsFor(testId));

        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var server = redis.GetServers().Single();
        var stored = server.Keys(pattern: $"gateway:idempotency:*{key}").ToList();
        Assert.Single(stored);
        Assert.DoesNotContain(secret, (string?)await redis.GetDatabase().StringGetAsync(stored[0]) ?? "");
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Anonymous_callers_are_counted_by_address_and_IPv6_by_its_64(string address, string partition)
    {
        Assert.Equal(partition, Callers.Network(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_client_is_only_a_token_whose_subject_is_the_client()
    {
        var client = new ClaimsPrincipal(new ClaimsIdentity([new(CityClaims.Subject, "bank-1"), new(CityClaims.ClientId, "bank-1")], "Bearer"));
        var user = new ClaimsPrincipal(new ClaimsIdentity([new(CityClaims.Subject, "0193"), new(CityClaims.ClientId, "city-cli")], "Bearer"));

        Assert.Equal("client:bank-1", Callers.Identify(client));
        Assert.Equal("user:0193", Callers.Identify(user));
        Assert.Null(Callers.Identify(new ClaimsPrincipal(new ClaimsIdentity())));
    }
}
