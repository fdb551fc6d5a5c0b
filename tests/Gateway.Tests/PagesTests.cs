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
