using System.Net;
using CityEServices.Gateway.Tests.Infrastructure;

namespace CityEServices.Gateway.Tests;

/// <summary>The fixture's gateway allows 40 API calls per caller an hour (an hour, so no window ends during a test).</summary>
[Collection(GatewayCollection.Name)]
public sealed class RateLimitTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_caller_over_the_limit_gets_429_with_retry_after_and_others_are_unaffected()
    {
        using var client = fixture.Gateway.CreateClient(TestTokens.Registrar());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 45; i++)
        {
            using var response = await client.GetAsync("/api/properties/1-1-1-1-0-0-0");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
                var retryAfter = response.Headers.RetryAfter?.Delta;
                Assert.NotNull(retryAfter);
                Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
            }
        }

        Assert.Equal(40, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Skip(40), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        using var other = fixture.Gateway.CreateClient(TestTokens.Registrar());
        using var fresh = await other.GetAsync("/api/properties/1-1-1-1-0-0-0");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task The_limit_is_shared_by_gateway_replicas_through_redis()
    {
        await using var second = fixture.NewGateway();
        var token = TestTokens.Registrar();
        using var a = fixture.Gateway.CreateClient(token);
        using var b = second.CreateClient(token);

        var allowed = 0;
        for (var i = 0; i < 30; i++)
        {
            foreach (var client in new[] { a, b })
            {
                using var response = await client.GetAsync("/api/offices/T1");
                allowed += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }
        }

        // 60 calls by one caller through two replicas, each leasing from the same Redis counter.
        Assert.Equal(40, allowed);
    }

    [Fact]
    public async Task Anonymous_tracking_has_a_stricter_limit_per_ip()
    {
        // A window length of its own keeps its counter apart from the other tests' tracking calls.
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Track:PermitLimit"] = "5",
            ["Gateway:RateLimits:Track:Window"] = "00:59:00",
        });
        using var client = gateway.CreateClient(token: null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await client.GetAsync("/api/track/ABC123?nationalId=0076229645");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);
    }

    [Fact]
    public async Task Open_data_is_limited_per_ip_like_tracking_on_a_counter_of_its_own()
    {
        // A window length of its own keeps its counter apart from the other tests' calls.
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Track:PermitLimit"] = "3",
            ["Gateway:RateLimits:Track:Window"] = "00:58:00",
        });
        using var client = gateway.CreateClient(token: null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/api/open-data/performance?from=1404/01&to=1404/09");
            statuses.Add(response.StatusCode);
        }

        // Tracking still has its own three calls.
        using var tracking = await client.GetAsync("/api/track/ABC123?nationalId=0076229645");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)], statuses);
        Assert.Equal(HttpStatusCode.OK, tracking.StatusCode);
    }

    [Fact]
    public async Task Citizen_sign_in_codes_need_no_token_and_are_limited_per_ip_on_a_counter_of_their_own()
    {
        // A window length of its own keeps its counter apart from the other tests' calls.
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Track:PermitLimit"] = "2",
            ["Gateway:RateLimits:Track:Window"] = "00:57:00",
        });
        using var client = gateway.CreateClient(token: null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsync("/api/identity/citizens/sign-in-codes",
                new StringContent("{\"nationalId\":\"0076229645\"}", System.Text.Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
        }

        // The rest of identity's API still wants a token, and tracking keeps its own two calls.
        using var users = await client.PostAsync("/api/identity/users", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var tracking = await client.GetAsync("/api/track/ABC123?nationalId=0076229645");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, users.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tracking.StatusCode);
    }
}
