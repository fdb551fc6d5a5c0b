using System.Net;
using CityEServices.Gateway.Tests.Infrastructure;

namespace CityEServices.Gateway.Tests;

/// <summary>Version 1 by path, by header or by default; any other version refused, never served as 1.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ApiVersionTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("/api/v1/track/ABC123", null)]
    [InlineData("/api/v1.0/track/ABC123", null)]
    [InlineData("/api/track/ABC123", "1")]
    [InlineData("/api/track/ABC123", null)]
    [InlineData("/api/v1/track/ABC123", "1.0")]
    public async Task Version_1_by_path_header_or_default_reaches_the_one_api(string path, string? header)
    {
        using var client = fixture.Gateway.CreateClient(token: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, path + "?nationalId=0076229645");
        if (header is not null)
        {
            request.Headers.Add("api-version", header);
        }

        using var response = await client.SendAsync(request);

        var echo = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("/api/track/ABC123", echo.GetProperty("path").GetString());
        Assert.Equal("1", response.Headers.GetValues("api-supported-versions").Single());
    }

    [Theory]
    [InlineData("/api/v2/track/ABC123", null, "'2'")]
    [InlineData("/api/v0/track/ABC123", null, "'0'")]
    [InlineData("/api/track/ABC123", "2", "'2'")]
    [InlineData("/api/v1/track/ABC123", "3", "'3'")]
    public async Task Any_other_version_is_a_400_that_names_it_and_reaches_no_service(string path, string? header, string named)
    {
        using var client = fixture.Gateway.CreateClient(token: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Test-Id", "version-" + Guid.NewGuid().ToString("N"));
        if (header is not null)
        {
            request.Headers.Add("api-version", header);
        }

        using var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("UnsupportedApiVersion", problem.GetProperty("reason").GetString());
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("1", response.Headers.GetValues("api-supported-versions").Single());
        Assert.Equal(0, fixture.Service.HitsFor(request.Headers.GetValues("X-Test-Id").Single()));
    }

    [Fact]
    public async Task Routes_that_only_look_like_a_version_are_left_alone()
    {
        using var client = fixture.Gateway.CreateClient(token: null);

        using var response = await client.GetAsync("/api/verify/ABCD-EFGH-JKMN-P");

        var echo = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("/api/verify/ABCD-EFGH-JKMN-P", echo.GetProperty("path").GetString());
    }
}
