namespace CityEServices.Notifications.IntegrationTests.Infrastructure;

/// <summary>The service as deployed (environment Production): no loopback subscribers, no SMS sink.</summary>
public sealed class ProductionNotificationsService(ServerFixture servers) : NotificationsService(servers)
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["environment"] = "Production";
    }
}
