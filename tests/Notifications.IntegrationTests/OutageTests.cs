using CityEServices.Contracts.Events;
using CityEServices.Notifications.IntegrationTests.Infrastructure;
using static CityEServices.Notifications.IntegrationTests.Infrastructure.Webhooks;

namespace CityEServices.Notifications.IntegrationTests;

/// <summary>
/// Subscribers that go away, fail or hang: nothing is lost, one subject's events arrive in order, and
/// nobody else waits for them.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class OutageTests(NotificationsService service, ITestOutputHelper output) : ServiceTest<NotificationsService>(service, output), IClassFixture<NotificationsService>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Moves = ["AwaitingDocuments", "Submitted", "UnderReview", "FeeAssessed", "Paid"];

    [Fact]
    public async Task A_subscriber_away_for_a_while_gets_every_event_after_it_returns_in_order_per_subject()
    {
        await using var subscriber = await Subscriber.StartAsync();
        var subscription = await Service.SubscribeAsync(subscriber.Url, [FileOpened, StatusChanged]);
        await subscriber.StopAsync();

        // Four files, five events each, interleaved across files as they would happen at the counters.
        var files = Enumerable.Range(0, 4).Select(_ => Events.NewFileNumber()).ToList();
        var published = new List<IntegrationEvent>();
        for (var step = 0; step < 5; step++)
        {
            foreach (var (file, i) in files.Select((f, i) => (f, i)))
            {
                var at = T0.AddMinutes(step).AddSeconds(i);
                IntegrationEvent e = step == 0 ? Events.FileOpened(file, at) : Events.StatusChanged(file, Moves[step - 1], Moves[step], at);
                published.Add(e);
                await (e is UrbanPlanningFileOpened opened ? Service.PublishAsync(opened) : Service.PublishAsync((ServiceRequestStatusChanged)e));
            }
        }

        // While it is away every delivery is owed, and the first of each subject has been tried and failed.
        await Eventually.UntilAsync(async () =>
        {
            var rows = await Service.DeliveriesAsync(subscription.Id);
            return rows.Count == 20 && rows.Count(r => r.Attempts > 0) >= 4;
        }, Patience, "20 deliveries owed, the head of each subject tried");
        var owed = await Service.DeliveriesAsync(subscription.Id);
        Assert.All(owed, r => Assert.Equal("Pending", r.Status));
        Assert.Contains(owed, r => r.LastError is not null && r.LastStatusCode is null);

        await subscriber.StartAgainAsync();
        await Eventually.UntilAsync(() => Task.FromResult(subscriber.Accepted.Select(r => r.WebhookId).Distinct().Count() == 20), Patience,
            "every event arrives after the subscriber returns");

        // Exactly the owed webhook-ids, each for its own event: nothing lost, nothing foreign.
        Assert.Equal(owed.Select(r => r.WebhookId).Order(), subscriber.Accepted.Select(r => r.WebhookId).Distinct().Order());
        Assert.Equal(published.Select(e => e.EventId).Order(), subscriber.Accepted.Select(r => r.EventId).Distinct().Order());
        foreach (var file in files)
        {
            var arrived = subscriber.Accepted.Where(r => r.Subject == file).Select(r => r.EventId).Distinct().ToList();
            var happened = published.Where(e => Subject(e) == file).OrderBy(e => e.OccurredAt).Select(e => e.EventId).ToList();
            Assert.Equal(happened, arrived);
        }
    }

    [Fact]
    public async Task A_failing_subscriber_and_a_hanging_one_do_not_hold_up_a_healthy_one()
    {
        await using var healthy = await Subscriber.StartAsync();
        var healthySubscription = await Service.SubscribeAsync(healthy.Url, [FileOpened]);
        // Warm: the first delivery of a fresh service pays for cold code on every step; that is not what is measured.
        await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), T0));
        await Eventually.UntilAsync(() => Task.FromResult(healthy.Accepted.Count == 1), Patience, "the warm-up delivery");

        await using var failing = await Subscriber.StartAsync(SubscriberMode.Fail);
        await using var hanging = await Subscriber.StartAsync(SubscriberMode.Hang);
        var failingSubscription = await Service.SubscribeAsync(failing.Url, [FileOpened]);
        await Service.SubscribeAsync(hanging.Url, [FileOpened]);

        // Ten files, ten subjects: the failing and the hanging subscriber each have ten deliveries to get stuck on.
        for (var i = 1; i <= 10; i++)
        {
            await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), T0.AddSeconds(i)));
        }

        await Eventually.UntilAsync(() => Task.FromResult(healthy.Accepted.Count == 11), Patience, "the healthy subscriber gets all ten");
        var healthyDone = healthy.Accepted.Max(r => r.At);
        await Eventually.UntilAsync(() => Task.FromResult(hanging.HangsEnded.Count > 0), Patience, "the hanging attempts time out");

        // Everything reached the healthy subscriber while the hanging one still held its first attempts
        // open (they end only at the 5 s timeout): the healthy deliveries never queued behind them.
        Assert.True(healthyDone < hanging.HangsEnded.Min(),
            $"the healthy subscriber's last event came {(healthyDone - hanging.HangsEnded.Min()).TotalMilliseconds:F0} ms after the first hanging attempt ended");
        // Every request it got before the first one ended was open at once: no more than the per-subscription bound (4).
        var openAtOnce = hanging.All.Count(r => r.At < hanging.HangsEnded.Min());
        Assert.InRange(openAtOnce, 1, 4);
        await Eventually.UntilAsync(async () => (await Service.DeliveriesAsync(failingSubscription.Id)).Any(r => r.Attempts >= 2), Patience,
            "the failing subscriber's deliveries are retried");
        var failed = await Service.DeliveriesAsync(failingSubscription.Id);
        Assert.Equal(10, failed.Count);
        Assert.All(failed, r => Assert.Equal("Pending", r.Status));
        Assert.Contains(failed, r => r.LastStatusCode == 500 && r.NextAttemptAt >= r.LastAttemptAt);
        Assert.Equal(11, (await Service.DeliveriesAsync(healthySubscription.Id)).Count(r => r.Status == "Delivered"));
    }

    private static string Subject(IntegrationEvent e) => e switch
    {
        UrbanPlanningFileOpened x => x.FileNumber,
        ServiceRequestStatusChanged x => x.FileNumber,
        _ => throw new ArgumentException(e.GetType().Name),
    };
}
