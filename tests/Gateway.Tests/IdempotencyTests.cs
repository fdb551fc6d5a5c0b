using System.Net;
using System.Net.Http.Json;
using CityEServices.Gateway.Tests.Infrastructure;

namespace CityEServices.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class IdempotencyTests(GatewayFixture fixture)
{
    private static HttpRequestMessage Post(string testId, string key, object body, int? delayMs = null, int? status = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/properties") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add("X-Test-Id", testId);
        if (delayMs is not null)
        {
            request.Headers.Add("X-Test-Delay-Ms", delayMs.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (status is not null)
        {
            request.Headers.Add("X-Test-Status", status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return request;
    }

    [Fact]
    public async Task The_same_key_and_body_replays_the_first_answer_and_creates_once()
    {
        var testId = Guid.NewGuid().ToString("N");
        var key = Guid.NewGuid().ToString();
        using var client = fixture.Gateway.CreateClient(TestTokens.Registrar());

        using var first = await client.SendAsync(Post(testId, key, new { name = "one" }));
        using var second = await client.SendAsync(Post(testId, key, new { name = "one" }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, fixture.Service.HitsFor(testId));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_not_forwarded()
    {
        var testId = Guid.NewGuid().ToString("N");
        var key = Guid.NewGuid().ToString();
        using var client = fixture.Gateway.CreateClient(TestTokens.Registrar());

        using var first = await client.SendAsync(Post(testId, key, new { name = "one" }));
        using var other = await client.SendAsync(Post(testId, key, new { name = "two" }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, fixture.Service.HitsFor(testId));
    }

    [Fact]
    public async Task A_duplicate_while_the_first_is_in_flight_is_409()
    {
        var testId = Guid.NewGuid().ToString("N");
        var key = Guid.NewGuid().ToString();
        using var client = fixture.Gateway.CreateClient(TestTokens.Registrar());
        fixture.Service.ResetSlowRequest();

        var slow = client.SendAsync(Post(testId, key, new { name = "slow" }, delayMs: 1500));
        await fixture.Service.SlowRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var duplicate = await client.SendAsync(Post(testId, key, new { name = "slow" }, delayMs: 1500));
        using var first = await slow;
        using var after = await client.SendAsync(Post(testId, key, new { name = "slow" }, delayMs: 1500));

        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(duplicate.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(1, fixture.Service.HitsFor(testId));
    }

    [Fact]
    public async Task A_failed_first_attempt_can_be_retried_under_the_same_key()
    {
        var testId = Guid.NewGuid().ToString("N");
        var key = Guid.NewGuid().ToString();
        using var client = fixture.Gateway.CreateClient(TestTokens.Registrar());

        using var failed = await client.SendAsync(Post(testId, key, new { name = "x" }, status: 500));
        using var retried = await client.SendAsync(Post(testId, key, new { name = "x" }));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(2, fixture.Service.HitsFor(testId));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var testId = Guid.NewGuid().ToString("N");
        var key = Guid.NewGuid().ToString();
        using var alice = fixture.Gateway.CreateClient(TestTokens.Registrar("Alice"));
        using var bob = fixture.Gateway.CreateClient(TestTokens.Registrar("Bob"));

        using var first = await alice.SendAsync(Post(testId, key, new { name = "same" }));
        using var second = await bob.SendAsync(Post(testId, key, new { name = "same" }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, fixture.Service.HitsFor(testId));
    }

    [Fact]
    public async Task An_invalid_key_is_400()
    {
        using var client = fixture.Gateway.CreateClient(TestTokens.Registrar());

        using var response = await client.SendAsync(Post(Guid.NewGuid().ToString("N"), new string('k', 300), new { name = "x" }));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
