using System.Net;
using CityEServices.Contracts.Security;
using CityEServices.Gateway.Tests.Infrastructure;

namespace CityEServices.Gateway.Tests;

/// <summary>The gateway validates tokens itself: a refused token never reaches a service.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TokenValidationTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_token_signed_by_another_key_is_refused_at_the_gateway()
    {
        var testId = Guid.NewGuid().ToString("N");
        using var client = fixture.Gateway.CreateClient(TestTokens.Forged([Roles.Admin]));
        client.DefaultRequestHeaders.Add("X-Test-Id", testId);

        using var response = await client.GetAsync("/api/properties/1-1-1-1-0-0-0");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0, fixture.Service.HitsFor(testId));
    }

    [Theory]
    [InlineData("no token")]
    [InlineData("wrong audience")]
    [InlineData("expired")]
    [InlineData("wrong issuer")]
    public async Task Calls_without_a_valid_token_are_401_and_not_forwarded(string kind)
    {
        var token = kind switch
        {
            "no token" => null,
            "wrong audience" => TestTokens.Create([Roles.Admin], audience: "someone-else"),
            "expired" => TestTokens.Create([Roles.Admin], expires: DateTime.UtcNow.AddMinutes(-5)),
            _ => TestTokens.Create([Roles.Admin], issuer: "http://evil.test/"),
        };
        var testId = Guid.NewGuid().ToString("N");
        using var client = fixture.Gateway.CreateClient(token);
        client.DefaultRequestHeaders.Add("X-Test-Id", testId);

        using var response = await client.GetAsync("/api/offices/T1");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0, fixture.Service.HitsFor(testId));
    }

    [Fact]
    public async Task A_valid_token_is_forwarded_with_correlation_id_and_forwarded_headers()
    {
        var token = TestTokens.Registrar();
        using var client = fixture.Gateway.CreateClient(token);
        client.DefaultRequestHeaders.Add("X-Correlation-ID", "trace-me-123");

        using var response = await client.GetAsync("/api/properties/1-1-1-1-0-0-0");

        var echo = await response.AssertJsonAsync(HttpStatusCode.OK);
        var headers = echo.GetProperty("headers");
        Assert.Equal("Bearer " + token, headers.GetProperty("authorization").GetString());
        Assert.Equal("trace-me-123", headers.GetProperty("x-correlation-id").GetString());
        Assert.Equal("http", headers.GetProperty("x-forwarded-proto").GetString());
        Assert.True(headers.TryGetProperty("x-forwarded-host", out _));
        Assert.Equal("trace-me-123", response.Headers.GetValues("X-Correlation-ID").Single());
    }

    [Theory]
    [InlineData("/api/track/ABC123?nationalId=0076229645")]
    [InlineData("/api/open-data/performance?from=1404/01&to=1404/09&groupBy=district")]
    [InlineData("/connect/token")]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/openapi/property/v1.json")]
    public async Task Anonymous_routes_are_forwarded_without_a_token(string path)
    {
        using var client = fixture.Gateway.CreateClient(token: null);

        using var response = await client.GetAsync(path);

        var echo = await response.AssertJsonAsync(HttpStatusCode.OK);
        if (path.StartsWith("/api/open-data/", StringComparison.Ordinal))
        {
            // The stand-in answers open data in its contract's shape (for the transparency page) and keeps the query.
            Assert.Contains(path[path.IndexOf('?', StringComparison.Ordinal)..], fixture.Service.OpenDataQueries);
            return;
        }

        var expected = path.StartsWith("/openapi/", StringComparison.Ordinal) ? "/openapi/v1.json" : path.Split('?')[0];
        Assert.Equal(expected, echo.GetProperty("path").GetString());
    }

    [Fact]
    public async Task When_identity_cannot_be_reached_a_token_gets_503_not_401()
    {
        // Nobody listens at Identity:Url, and nothing has cached its keys yet.
        var closed = FreePort.Next();
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["Identity:Url"] = $"http://127.0.0.1:{closed}" }, trustTestTokens: false);
        using var withToken = gateway.CreateClient(TestTokens.Admin());
        using var withoutToken = gateway.CreateClient(token: null);

        using var refused = await withToken.GetAsync("/api/properties/1-1-1-1-0-0-0");
        using var anonymous = await withoutToken.GetAsync("/api/properties/1-1-1-1-0-0-0");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("identity", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(refused.Headers.RetryAfter is not null);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
