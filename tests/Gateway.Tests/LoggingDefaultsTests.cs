using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityEServices.Gateway.Tests;

/// <summary>
/// Every process built on the service defaults (the gateway and each service) keeps per-request
/// framework chatter out of its logs unless its own configuration asks for it.
/// </summary>
public sealed class LoggingDefaultsTests
{
    private static ILoggerFactory Build(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        return builder.Build().Services.GetRequiredService<ILoggerFactory>();
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("Microsoft.EntityFrameworkCore.Database.Command")]
    [InlineData("System.Net.Http.HttpClient.property.LogicalHandler")]
    [InlineData("Yarp.ReverseProxy.Forwarder.HttpForwarder")]
    public void Per_request_framework_records_are_off_by_default(string category)
    {
        var logger = Build().CreateLogger(category);
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void Our_own_information_records_stay_on_and_configuration_still_wins()
    {
        Assert.True(Build().CreateLogger("CityEServices.Property.Api").IsEnabled(LogLevel.Information));
        Assert.True(Build("--Logging:LogLevel:Microsoft.AspNetCore=Debug").CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Debug));
    }
}
