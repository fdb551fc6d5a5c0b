using System.Diagnostics;
using System.Net;
using CityEServices.Gateway.Tests.Infrastructure;

namespace CityEServices.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ServiceDownTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_service_that_is_down_gives_a_quick_503_with_the_correlation_id()
    {
        using var client = fixture.Gateway.CreateClient(TestTokens.Admin());
        client.DefaultRequestHeaders.Add("X-Correlation-ID", "down-123");
        var clock = Stopwatch.StartNew();

        using var response = await client.GetAsync("/api/archive/categories");

        clock.Stop();
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("down-123", problem.GetProperty("correlationId").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Problems_made_by_the_gateway_carry_the_correlation_id_it_assigned()
    {
        using var client = fixture.Gateway.CreateClient(token: null);

        using var response = await client.GetAsync("/api/offices/T1");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var assigned = response.Headers.GetValues("X-Correlation-ID").Single();
        Assert.Equal(assigned, problem.GetProperty("correlationId").GetString());
    }
}
