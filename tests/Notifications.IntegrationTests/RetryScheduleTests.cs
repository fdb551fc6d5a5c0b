using System.Net;
using CityEServices.Contracts.Security;
using CityEServices.Notifications.IntegrationTests.Infrastructure;
using CityEServices.Notifications.Jobs;
using Microsoft.Extensions.DependencyInjection;
using static CityEServices.Notifications.IntegrationTests.Infrastructure.Webhooks;

namespace CityEServices.Notifications.IntegrationTests;

/// <summary>
/// The retry schedule on a clock the test moves: a subscriber that always answers 500 is tried with
/// exponential backoff and full jitter for 72 hours, never after, then the delivery is Failed — and
/// still listed, with its attempts and the last status code.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RetryScheduleTests(ManualClockNotificationsService service, ITestOutputHelper output) : ServiceTest<ManualClockNotificationsService>(service, output), IClassFixture<ManualClockNotificationsService>
{
    [Fact]
    public async Task A_subscriber_that_keeps_failing_is_retried_with_backoff_for_72_hours_then_the_delivery_is_Failed_and_listed()
    {
        await using var subscriber = await Subscriber.StartAsync(SubscriberMode.Fail);
        var clientId = $"retry-{Guid.NewGuid():N}"[..16];
        var token = Service.Token(clientId, Scopes.Webhooks, Scopes.UrbanPlanningRead);
        using var client = Service.CreateClient(token);
        var created = await (await client.SubscribeAsync(subscriber.Url, [FileOpened])).AssertJsonAsync(HttpStatusCode.Created);
        var subscriptionId = created.GetProperty("id").GetGuid();
        await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), ManualClockNotificationsService.Start));
        await Eventually.UntilAsync(async () => (await Service.DeliveriesAsync(subscriptionId)).Count == 1, TimeSpan.FromSeconds(20), "the delivery is owed");
        var worker = Service.Factory.Services.GetRequiredService<WebhookDeliveryWorker>();
        var deadline = (await Service.DeliveriesAsync(subscriptionId)).Single().CreatedAt + TimeSpan.FromHours(72);

        DeliveryRow row;
        var attempts = 0;
        while (true)
        {
            Assert.Equal(1, await worker.DeliverDueAsync(CancellationToken.None));
            attempts++;
            row = (await Service.DeliveriesAsync(subscriptionId)).Single();
            Assert.Equal(attempts, row.Attempts);
            Assert.Equal(500, row.LastStatusCode);
            if (row.Status != "Pending")
            {
                break;
            }

            // The wait is somewhere in [0, min(1 h, 1 s x 2^(n-1))], and never past the 72 hours.
            var wait = row.NextAttemptAt - row.LastAttemptAt!.Value;
            var ceiling = TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Min(attempts - 1, 20))));
            Assert.InRange(wait, TimeSpan.Zero, ceiling + TimeSpan.FromMilliseconds(1));
            Assert.True(row.NextAttemptAt <= deadline, $"attempt {attempts + 1} was scheduled after the 72 hours");

            // Not a moment early: just before it falls due, a pass takes nothing.
            if (wait > TimeSpan.FromMilliseconds(10))
            {
                Service.Clock.SetUtcNow(row.NextAttemptAt - TimeSpan.FromMilliseconds(5));
                Assert.Equal(0, await worker.DeliverDueAsync(CancellationToken.None));
            }

            Service.Clock.SetUtcNow(row.NextAttemptAt);
        }

        Assert.Equal("Failed", row.Status);
        Assert.Equal(deadline, row.LastAttemptAt);
        Assert.InRange(attempts, 20, 1000);
        Assert.Equal(attempts, subscriber.All.Count);
        Assert.Single(subscriber.All.Select(r => r.WebhookId).Distinct());

        // Nothing more is tried, however long one waits.
        Service.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await worker.DeliverDueAsync(CancellationToken.None));

        var failed = await (await client.GetAsync($"{SubscriptionsPath}/{subscriptionId}/deliveries?status=Failed")).AssertJsonAsync(HttpStatusCode.OK);
        var listed = failed.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(attempts, listed.GetProperty("attempts").GetInt32());
        Assert.Equal(500, listed.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(JsonValueKindNull, listed.GetProperty("nextAttemptAt").ValueKind);
        Assert.Equal(0, (await (await client.GetAsync($"{SubscriptionsPath}/{subscriptionId}/deliveries?status=Pending")).AssertJsonAsync(HttpStatusCode.OK))
            .GetProperty("total").GetInt32());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
