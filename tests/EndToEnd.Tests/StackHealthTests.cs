using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>What the dashboard shows a developer: every resource of the city, healthy.</summary>
[Collection(CityStackCollection.Name)]
public sealed class StackHealthTests(CityStackFixture stack)
{
    public static TheoryData<string> Resources =>
    [
        "postgres", "rabbitmq-server", "redis-server",
        "identity", "property", "officemanagement", "archive", "urbanplanning", "gateway",
    ];

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Every_resource_reports_healthy(string resource)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await stack.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("property")]
    [InlineData("officemanagement")]
    [InlineData("archive")]
    [InlineData("urbanplanning")]
    public async Task Each_service_serves_its_probes_anonymously_without_detail(string service)
    {
        using var client = stack.App.CreateHttpClient(service, "http");

        using var ready = await client.GetAsync("/health");
        using var alive = await client.GetAsync("/alive");

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
    }
}
