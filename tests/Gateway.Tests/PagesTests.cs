using System.Net;
using CityEServices.Gateway.Tests.Infrastructure;

namespace CityEServices.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class PagesTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_tracking_page_is_persian_right_to_left_and_anonymous()
    {
        using var client = fixture.Gateway.CreateClient(token: null);

        using var response = await client.GetAsync("/track");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"fa\" dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains("/api/track/", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/verify", "text/html", "/api/verify")]
    [InlineData("/transparency", "text/html", "/api/open-data/performance")]
    [InlineData("/city.css", "text/css", "font-family")]
    [InlineData("/city.js", "text/javascript", "persianDigits")]
    public async Task The_verification_page_and_what_the_pages_share_are_anonymous_and_locked_to_this_origin(string path, string mediaType, string content)
    {
        using var client = fixture.Gateway.CreateClient(token: null);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scalar_lists_every_service_document_anonymously()
    {
        using var client = fixture.Gateway.CreateClient(token: null);

        using var response = await client.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var service in new[] { "identity", "property", "officemanagement", "urbanplanning", "archive" })
        {
            Assert.Contains($"\"openapi/{service}/v1.json\"", html, StringComparison.Ordinal);
        }
    }
}
