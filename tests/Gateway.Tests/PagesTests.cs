using System.Net;
using System.Text.RegularExpressions;
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
        Assert.Contains("<script src=\"/track.js\"></script>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/track")]
    [InlineData("/verify")]
    [InlineData("/transparency")]
    public async Task A_page_runs_no_inline_script_and_its_policy_refuses_any_that_is_injected(string path)
    {
        using var client = fixture.Gateway.CreateClient(token: null);

        using var response = await client.GetAsync(path);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSources = policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSources);
        var html = await response.Content.ReadAsStringAsync();
        var scripts = Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToArray();
        Assert.Equal(["<script src=\"/city.js\">", $"<script src=\"{path}.js\">"], scripts);
        Assert.DoesNotMatch(" on[a-z]+=", html);
    }

    [Theory]
    [InlineData("/verify", "text/html", "/verify.js")]
    [InlineData("/transparency", "text/html", "/transparency.js")]
    [InlineData("/city.css", "text/css", "font-family")]
    [InlineData("/city.js", "text/javascript", "persianDigits")]
    [InlineData("/track.js", "text/javascript", "/api/track/")]
    [InlineData("/verify.js", "text/javascript", "/api/verify")]
    [InlineData("/transparency.js", "text/javascript", "/api/open-data/performance")]
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
