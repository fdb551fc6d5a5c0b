using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CityEServices.Notifications.IntegrationTests.Infrastructure;

/// <summary>
/// The service on a clock the test moves (a FakeTimeProvider's date), with the production retry settings
/// (1 s doubling to 1 h, for 72 h) and no background worker: the test runs each delivery pass itself.
/// Only the date is fake: timers stay real, or every HTTP client's timeout (Polly reads the same
/// TimeProvider) would fire the moment the test moves the clock three days on.
/// </summary>
public sealed class ManualClockNotificationsService(ServerFixture servers) : NotificationsService(servers)
{
    public static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>A token valid on the fake clock and the real one alike, whichever validates it.</summary>
    public string Token(string clientId, params string[] scopes)
    {
        var latest = DateTime.UtcNow > Start.UtcDateTime.AddDays(10) ? DateTime.UtcNow : Start.UtcDateTime.AddDays(10);
        return TestTokens.Create(
            [Contracts.Security.Roles.Integrator], name: null, clientId: clientId, subject: clientId, scopes: scopes,
            issuedAt: Start.UtcDateTime.AddHours(-1), expires: latest.AddDays(1));
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Notifications:Deliveries:RunWorker"] = "false";
        settings["Notifications:Deliveries:MinRetryDelay"] = "00:00:01";
        settings["Notifications:Deliveries:MaxRetryDelay"] = "01:00:00";
        settings["Notifications:RetryFor"] = "3.00:00:00";
        settings["Notifications:Sms:RunSender"] = "false";
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new DateOnlyClock(Clock)));
    }
}

/// <summary>The date of <paramref name="dates"/>; timers and timestamps of the system.</summary>
public sealed class DateOnlyClock(FakeTimeProvider dates) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => dates.GetUtcNow();
}
