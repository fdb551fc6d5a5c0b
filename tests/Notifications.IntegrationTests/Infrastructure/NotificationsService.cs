using CityEServices.Notifications.Data;
using CityEServices.Notifications.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityEServices.Notifications.IntegrationTests.Infrastructure;

/// <summary>
/// The real notifications service (its Program, migrations, consumers, delivery worker and SMS sender)
/// on a TestServer, in Development, with retries tuned from hours to a fraction of a second so a test
/// sees a whole outage and recovery. Deliveries go out over real sockets to the test's subscribers on
/// loopback; SMS go to the service's own sink through the TestServer.
/// </summary>
public class NotificationsService(ServerFixture servers)
    : ServiceFactory<NotificationsDbContext>(servers, "notifications", Extensions.DatabaseName)
{
    public const string SmsApiKey = "test-sms-key";

    public FakeDns Dns { get; } = new();

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Notifications:Deliveries:Timeout"] = "00:00:05";
        settings["Notifications:Deliveries:MinRetryDelay"] = "00:00:00.050";
        settings["Notifications:Deliveries:MaxRetryDelay"] = "00:00:00.400";
        settings["Notifications:Deliveries:PollInterval"] = "00:00:00.100";
        settings["Notifications:MaxSubscriptionsPerClient"] = "5";
        settings["Notifications:Sms:BaseUrl"] = "http://localhost/sms-sink";
        settings["Notifications:Sms:ApiKey"] = SmsApiKey;
        settings["Notifications:Sms:PollInterval"] = "00:00:00.100";
        settings["Notifications:Sms:ContactWait"] = "00:01:00";
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.Replace(ServiceDescriptor.Singleton<ISubscriberDns>(Dns));
        // The provider adapter reaches this service's own sink through the TestServer (it has no socket).
        services.AddHttpClient<KavenegarSmsProvider>().ConfigurePrimaryHttpMessageHandler(() => Factory.Server.CreateHandler());
    }

    /// <summary>The deliveries of a subscription: (webhook id, status, attempts, last status code, subject), by event order.</summary>
    public async Task<IReadOnlyList<DeliveryRow>> DeliveriesAsync(Guid subscriptionId)
    {
        await using var connection = OpenDatabase();
        await using var command = new Npgsql.NpgsqlCommand(
            """
            SELECT webhook_id, status, attempts, last_status_code, subject, event_id, last_error, next_attempt_at, last_attempt_at, created_at
            FROM webhook_deliveries WHERE subscription_id = @s ORDER BY event_time, event_id, id
            """, connection);
        command.Parameters.AddWithValue("s", subscriptionId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<DeliveryRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new DeliveryRow(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.GetString(4),
                reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return rows;
    }
}

public sealed record DeliveryRow(
    string WebhookId, string Status, int Attempts, int? LastStatusCode, string Subject, Guid EventId, string? LastError,
    DateTimeOffset NextAttemptAt, DateTimeOffset? LastAttemptAt, DateTimeOffset CreatedAt);
