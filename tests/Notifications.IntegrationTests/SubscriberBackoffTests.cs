using System.Net;
using CityEServices.Contracts.Security;
using CityEServices.Notifications.IntegrationTests.Infrastructure;
using CityEServices.Notifications.Jobs;
using Microsoft.Extensions.DependencyInjection;
using static CityEServices.Notifications.IntegrationTests.Infrastructure.Webhooks;

namespace CityEServices.Notifications.IntegrationTests;

/// <summary>
/// A subscriber that fails is backed off as a whole, on a clock the test moves: while it fails it gets one
/// probe per backoff however many deliveries are owed and due (before this, every owed delivery was tried on
/// its own schedule, and a few thousand owed to a dead subscriber kept the service and its database busy), and
/// the first answered probe lets the rest flow again at once.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SubscriberBackoffTests(ManualClockNotificationsService service, ITestOutputHelper output)
    : ServiceTest<ManualClockNotificationsService>(service, output), IClassFixture<ManualClockNotificationsService>
{
    private const int Owed = 12;

    [Fact]
    public async Task A_failing_subscriber_gets_one_probe_per_backoff_not_one_attempt_per_owed_delivery()
    {
        await using var subscriber = await Subscriber.StartAsync(SubscriberMode.Fail);
        var clientId = $"backoff-{Guid.NewGuid():N}"[..16];
        using var client = Service.CreateClient(Service.Token(clientId, Scopes.Webhooks, Scopes.UrbanPlanningRead));
        var subscriptionId = (await (await client.SubscribeAsync(subscriber.Url, [FileOpened])).AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        for (var i = 0; i < Owed; i++)
        {
            await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), Service.Clock.GetUtcNow()));
        }

        await Eventually.UntilAsync(async () => (await Service.DeliveriesAsync(subscriptionId)).Count == Owed, TimeSpan.FromSeconds(20), $"{Owed} deliveries owed");
        var worker = Service.Factory.Services.GetRequiredService<WebhookDeliveryWorker>();

        // Healthy as far as anyone knows: a full share goes out at once, and all of it fails.
        Assert.Equal(4, await worker.DeliverDueAsync(CancellationToken.None));
        for (var round = 1; round <= 6; round++)
        {
            var retryAfter = await RetryAfterAsync(subscriptionId);
            if (Service.Clock.GetUtcNow() < retryAfter)
            {
                Assert.Equal(0, await worker.DeliverDueAsync(CancellationToken.None));
                Service.Clock.SetUtcNow(retryAfter);
            }

            var due = (await Service.DeliveriesAsync(subscriptionId)).Count(d => d.Status == "Pending" && d.NextAttemptAt <= Service.Clock.GetUtcNow());
            Assert.True(due > 1, $"round {round}: {due} due; the point is that more than one is");
            Assert.Equal(1, await worker.DeliverDueAsync(CancellationToken.None));
        }

        Assert.Equal(4 + 6, subscriber.All.Count);
        Assert.Equal(10, await FailuresInARowAsync(subscriptionId));

        // Back: the next probe is answered, and everything due goes out again at the full share.
        var probeAt = await RetryAfterAsync(subscriptionId);
        subscriber.Mode = SubscriberMode.Accept;
        Service.Clock.SetUtcNow(probeAt > Service.Clock.GetUtcNow() ? probeAt : Service.Clock.GetUtcNow());
        Assert.Equal(1, await worker.DeliverDueAsync(CancellationToken.None));
        Assert.Equal(0, await FailuresInARowAsync(subscriptionId));
        Service.Clock.Advance(TimeSpan.FromMinutes(5));
        for (var pass = 0; pass < Owed && await worker.DeliverDueAsync(CancellationToken.None) > 0; pass++)
        {
            Assert.Equal(0, await FailuresInARowAsync(subscriptionId));
        }

        Assert.All(await Service.DeliveriesAsync(subscriptionId), d => Assert.Equal("Delivered", d.Status));
        Assert.Equal(Owed, subscriber.Accepted.Select(r => r.WebhookId).Distinct().Count());
    }

    private async Task<DateTimeOffset> RetryAfterAsync(Guid subscriptionId)
    {
        await using var db = Service.OpenDatabase();
        await using var command = new Npgsql.NpgsqlCommand("SELECT retry_after FROM subscriber_backoffs WHERE subscription_id = @id", db);
        command.Parameters.AddWithValue("id", subscriptionId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    private Task<long> FailuresInARowAsync(Guid subscriptionId) =>
        Service.CountAsync("SELECT coalesce((SELECT consecutive_failures FROM subscriber_backoffs WHERE subscription_id = @id), 0)", ("id", subscriptionId));
}
