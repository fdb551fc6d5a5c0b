using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CityEServices.Web.Tests;

public class CheckedOptionsTests
{
    public sealed class SampleOptions
    {
        public int BatchSize { get; set; } = 10;
    }

    private static IHost Build(string? batchSize)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Sample:BatchSize"] = batchSize });
        builder.Services.AddCheckedOptions<SampleOptions>("Sample", o => o.BatchSize > 0, "Sample:BatchSize must be positive.");
        return builder.Build();
    }

    [Fact]
    public async Task A_wrong_setting_stops_the_service_when_it_starts_and_says_which()
    {
        using var host = Build("0");

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Sample:BatchSize must be positive.", refused.Failures);
    }

    [Fact]
    public async Task A_sound_setting_is_bound_from_its_section()
    {
        using var host = Build("25");

        await host.StartAsync();

        Assert.Equal(25, host.Services.GetRequiredService<IOptions<SampleOptions>>().Value.BatchSize);
        await host.StopAsync();
    }
}
