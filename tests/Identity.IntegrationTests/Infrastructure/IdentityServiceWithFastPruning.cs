using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityEServices.Identity.IntegrationTests.Infrastructure;

/// <summary>The service pruning every second (the default minimum age, 14 days), its pruner's log kept.</summary>
public sealed class IdentityServiceWithFastPruning(ServerFixture servers) : IdentityService(servers)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public LogCapture PrunerLog { get; } = new(typeof(Jobs.TokenPruner).FullName!);

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Identity:Pruning:Interval"] = Interval.ToString();
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<ILoggerProvider>(PrunerLog);
}
