using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Web.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CityEServices.Web.Tests;

/// <summary>A deadline of zero or less would fail every call to another service as a 503; it stops the service at start instead.</summary>
public class GrpcClientSettingsTests
{
    private static IHost Build(string deadline)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grpc:Deadline"] = deadline,
            ["Grpc:officemanagement"] = "http://127.0.0.1:1",
        });
        builder.AddServiceClient<OfficeAuthorization.OfficeAuthorizationClient>("officemanagement");
        // A second client of the same host: the setting is still checked, and reported, once.
        builder.AddServiceClient<OfficeAuthorization.OfficeAuthorizationClient>("officemanagement");
        return builder.Build();
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    public async Task A_deadline_that_is_not_positive_stops_the_service_when_it_starts(string deadline)
    {
        using var host = Build(deadline);

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Single(refused.Failures, f => f.StartsWith("Grpc:Deadline must be positive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_positive_deadline_is_what_every_call_gets()
    {
        using var host = Build("00:00:02");

        await host.StartAsync();

        Assert.Equal(TimeSpan.FromSeconds(2), host.Services.GetRequiredService<IOptions<GrpcClientSettings>>().Value.Deadline);
        await host.StopAsync();
    }
}
