using System.Net;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.Notifications.IntegrationTests.Infrastructure;
using static CityEServices.Notifications.IntegrationTests.Infrastructure.Webhooks;

namespace CityEServices.Notifications.IntegrationTests;

/// <summary>
/// Events published on the real broker reach a real subscriber on loopback as signed CloudEvents,
/// shaped to what the subscriber may read, once per event however often the event arrives.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class DeliveryTests(NotificationsService service, ITestOutputHelper output) : ServiceTest<NotificationsService>(service, output), IClassFixture<NotificationsService>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_file_opened_reaches_the_subscriber_as_a_signed_CloudEvent()
    {
        await using var subscriber = await Subscriber.StartAsync();
        var subscription = await Service.SubscribeAsync(subscriber.Url, [FileOpened]);
        var file = Events.NewFileNumber();
        var opened = Events.FileOpened(file, T0, mobile: "+989121234567");

        await Service.PublishAsync(opened);
        await Eventually.UntilAsync(() => Task.FromResult(subscriber.Accepted.Count == 1), Patience, "the subscriber receives the event");

        var received = subscriber.Accepted.Single();
        Assert.Equal("application/cloudevents+json", received.ContentType?.Split(';')[0]);
        Assert.True(received.VerifiesWith(subscription.Secret), $"signature {received.Signature} does not verify");
        Assert.InRange(received.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        var cloudEvent = received.Json;
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal(opened.EventId, received.EventId);
        Assert.Equal(FileOpened, received.Type);
        Assert.Equal("/cityeservices/urban-planning", cloudEvent.GetProperty("source").GetString());
        Assert.Equal(file, received.Subject);
        Assert.Equal(T0, cloudEvent.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("application/json", cloudEvent.GetProperty("datacontenttype").GetString());
        Assert.Equal(file, cloudEvent.GetProperty("data").GetProperty("fileNumber").GetString());
        // Without pii.read the subscriber reads what the API would show it: masked.
        Assert.Equal("00******45", cloudEvent.GetProperty("data").GetProperty("applicantNationalId").GetString());
        Assert.Equal("+98912*****67", cloudEvent.GetProperty("data").GetProperty("applicantMobile").GetString());

        await Eventually.UntilAsync(async () => (await Service.DeliveriesAsync(subscription.Id)).Single().Status == "Delivered", Patience, "the delivery is recorded");
        var deliveries = await Service.DeliveriesAsync(subscription);
        var delivery = deliveries.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(received.WebhookId, delivery.GetProperty("webhookId").GetString());
        Assert.Equal("Delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(204, delivery.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(FileOpened, delivery.GetProperty("eventType").GetString());
    }

    [Fact]
    public async Task A_client_with_pii_read_receives_national_ids_and_mobiles_whole()
    {
        await using var subscriber = await Subscriber.StartAsync();
        await Service.SubscribeAsync(subscriber.Url, [FileOpened], Scopes.UrbanPlanningRead, Scopes.PiiRead);

        await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), T0, mobile: "+989121234567"));
        await Eventually.UntilAsync(() => Task.FromResult(subscriber.Accepted.Count == 1), Patience, "the subscriber receives the event");

        var data = subscriber.Accepted.Single().Json.GetProperty("data");
        Assert.Equal("0076229645", data.GetProperty("applicantNationalId").GetString());
        Assert.Equal("+989121234567", data.GetProperty("applicantMobile").GetString());
    }

    [Fact]
    public async Task During_a_rotation_deliveries_carry_both_signatures_and_each_secret_verifies()
    {
        await using var subscriber = await Subscriber.StartAsync();
        var subscription = await Service.SubscribeAsync(subscriber.Url, [FileOpened]);
        using var client = Service.CreateClient(subscription.Token);
        var rotated = await (await client.PostAsync($"{SubscriptionsPath}/{subscription.Id}/secret", null)).AssertJsonAsync(HttpStatusCode.OK);
        var newSecret = rotated.GetProperty("secret").GetString()!;

        await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), T0));
        await Eventually.UntilAsync(() => Task.FromResult(subscriber.Accepted.Count == 1), Patience, "the subscriber receives the event");

        var received = subscriber.Accepted.Single();
        Assert.Equal(2, received.Signature.Split(' ').Length);
        Assert.True(received.VerifiesWith(newSecret), "the new secret must verify");
        Assert.True(received.VerifiesWith(subscription.Secret), "the old secret must still verify during the overlap");
        Assert.False(received.VerifiesWith(Domain.Webhooks.WebhookSecret.New()));
    }

    [Fact]
    public async Task An_event_that_arrives_twice_is_logged_and_delivered_once()
    {
        await using var subscriber = await Subscriber.StartAsync();
        var subscription = await Service.SubscribeAsync(subscriber.Url, [FileOpened, StatusChanged]);
        var file = Events.NewFileNumber();
        var opened = Events.FileOpened(file, T0);

        await Service.PublishAsync(opened);
        await Service.PublishAsync(opened);
        // Then another file's opening, on the same queue behind the copy, and a later event of this subject:
        // once both have reached the subscriber, the copy was handled long before. (Not MassTransit's consume
        // metrics: its instruments outlive the first test host of the process, and later hosts' consumes
        // are not counted on them.)
        var behind = Events.FileOpened(Events.NewFileNumber(), T0);
        await Service.PublishAsync(behind);
        await Service.PublishAsync(Events.StatusChanged(file, "Submitted", "UnderReview", T0.AddMinutes(1)));
        await Eventually.UntilAsync(() => Task.FromResult(subscriber.Accepted.Any(r => r.Type == StatusChanged) && subscriber.Accepted.Any(r => r.EventId == behind.EventId)),
            Patience, "the later events arrive");

        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM event_log WHERE event_id = @e", ("e", opened.EventId)));
        Assert.Single(await Service.DeliveriesAsync(subscription.Id), d => d.EventId == opened.EventId);
        Assert.Single(subscriber.All, r => r.EventId == opened.EventId);
    }

    [Fact]
    public async Task Every_event_the_catalog_offers_reaches_a_subscriber_of_every_type_and_staff_only_ones_only_the_log()
    {
        await using var subscriber = await Subscriber.StartAsync();
        var offered = Domain.Events.EventCatalog.OfferedTypes.ToArray();
        var subscription = await Service.SubscribeAsync(subscriber.Url, offered, Scopes.UrbanPlanningRead, Scopes.ArchiveRead, Scopes.PropertyRead);
        var file = Events.NewFileNumber();
        const string code = "22-7-301-12-0-0-0";
        var request = Guid.NewGuid();
        IntegrationEvent[] published =
        [
            Events.FileOpened(file, T0),
            new ServiceRequestSubmitted(request, file, "BUILDING_PERMIT", "S22A", T0.AddDays(30)) { OccurredAt = T0.AddMinutes(1) },
            Events.StatusChanged(file, "Submitted", "UnderReview", T0.AddMinutes(2)),
            new BuildingPermitIssued(request, file, code, $"BP-{file}-01", 4, 600, "Residential") { OccurredAt = T0.AddMinutes(3) },
            new ExcavationPermitIssued(Guid.NewGuid(), file, code, $"EP-{file}-01", "ولیعصر", 10, 2, 5) { OccurredAt = T0.AddMinutes(4) },
            new WasteContractSigned(Guid.NewGuid(), file, code, $"WC-{file}-01", 40, "پیمانکار", "آبعلی") { OccurredAt = T0.AddMinutes(5) },
            new SupervisorAssigned(file, code, $"BP-{file}-01", "1-23-456") { OccurredAt = T0.AddMinutes(6) },
            new SupervisorReportFiled(file, code, "1-23-456", "Final", Guid.NewGuid()) { OccurredAt = T0.AddMinutes(7) },
            new CompletionCertificateIssued(Guid.NewGuid(), file, code, $"CC-{file}-01", 4, 600) { OccurredAt = T0.AddMinutes(8) },
            new DocumentArchived(Guid.NewGuid(), "PERMIT", code, file, "ab12", 1024, 1) { OccurredAt = T0.AddMinutes(9) },
            new PropertyRegistered(code, 22, [new OwnerShare("0076229645", "6")]) { OccurredAt = T0.AddMinutes(10) },
            new OwnershipTransferred(code, "0076229645", "1583250689", "6") { OccurredAt = T0.AddMinutes(11) },
            new OfficeLicenceChanged("S22A", "BUILDING_PERMIT", true, "user:1") { OccurredAt = T0.AddMinutes(12) },
            new StaffCertified("1583250689", "S22A", "BUILDING_PERMIT", T0.AddYears(2)) { OccurredAt = T0.AddMinutes(13) },
            new ServiceRequestSlaBreached(request, file, "S22A", 22, "BUILDING_PERMIT", T0.AddDays(30), T0.AddDays(31)) { OccurredAt = T0.AddMinutes(14) },
            new PermitRevoked("7M3K9QX2B4HD", request, file, code, "BUILDING_PERMIT", "خطا در نقشه", "user:reviewer-1") { OccurredAt = T0.AddMinutes(15) },
            new UrbanPlanningFileHandedOver(file, code, 22, "S22A", "S05B") { OccurredAt = T0.AddMinutes(16) },
        ];

        foreach (var e in published)
        {
            await PublishAsync(e);
        }

        await Eventually.UntilAsync(() => Task.FromResult(subscriber.Accepted.Select(r => r.Type).Distinct().Count() == offered.Length), Patience,
            "one event of every offered type arrives");
        Assert.Equal(offered.Order(), subscriber.Accepted.Select(r => r.Type).Distinct().Order());
        await Eventually.UntilAsync(async () => await Service.CountAsync(
            "SELECT count(*) FROM event_log WHERE event_id = ANY(@ids)", ("ids", published.Select(e => e.EventId).ToArray())) == published.Length,
            Patience, "every event, offered or not, is in the log");
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM event_log WHERE event_id = @e AND type = 'ir.tehran.city.office-management.licence-changed' AND subject = 'S22A'",
            ("e", published[12].EventId)));
        Assert.Equal(offered.Length, (await Service.DeliveriesAsync(subscription.Id)).Count);
        Assert.Equal(code, subscriber.Accepted.Single(r => r.Type == "ir.tehran.city.property.registered").Subject);
        Assert.Equal("00******45", subscriber.Accepted.Single(r => r.Type == "ir.tehran.city.property.registered").Json.GetProperty("data").GetProperty("owners")[0].GetProperty("partyId").GetString());
    }

    [Fact]
    public async Task A_deleted_subscription_is_sent_nothing_more_and_what_was_pending_is_cancelled()
    {
        await using var subscriber = await Subscriber.StartAsync(SubscriberMode.Fail);
        var subscription = await Service.SubscribeAsync(subscriber.Url, [FileOpened]);
        await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), T0));
        await Eventually.UntilAsync(() => Task.FromResult(subscriber.All.Count >= 1), Patience, "a first (failed) attempt");

        using var client = Service.CreateClient(subscription.Token);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{SubscriptionsPath}/{subscription.Id}")).StatusCode);
        var attempts = subscriber.All.Count;
        await Service.PublishAsync(Events.FileOpened(Events.NewFileNumber(), T0.AddMinutes(1)));
        await Eventually.UntilAsync(async () => (await Service.DeliveriesAsync(subscription.Id)).All(d => d.Status == "Cancelled"), Patience,
            "the pending delivery is cancelled");

        var deliveries = await Service.DeliveriesAsync(subscription.Id);
        Assert.Single(deliveries);
        Assert.InRange(subscriber.All.Count, attempts, attempts + 1);
    }

    [Fact]
    public async Task A_replay_sends_the_windows_events_again_with_the_same_event_ids_and_webhook_ids()
    {
        await using var subscriber = await Subscriber.StartAsync();
        var subscription = await Service.SubscribeAsync(subscriber.Url, [FileOpened, StatusChanged]);
        var file = Events.NewFileNumber();
        var before = Events.FileOpened(file, T0.AddHours(-2));
        var inside = new[] { Events.StatusChanged(file, "Submitted", "UnderReview", T0), Events.StatusChanged(file, "UnderReview", "FeeAssessed", T0.AddMinutes(30)) };
        var after = Events.StatusChanged(file, "FeeAssessed", "Paid", T0.AddHours(2));
        foreach (var e in new IntegrationEvent[] { before, inside[0], inside[1], after })
        {
            await PublishAsync(e);
        }

        await Eventually.UntilAsync(() => Task.FromResult(subscriber.Accepted.Count == 4), Patience, "the four events arrive");
        var first = subscriber.Accepted.ToDictionary(r => r.EventId, r => r.WebhookId);

        using var client = Service.CreateClient(subscription.Token);
        var replay = await (await client.PostAsync($"{SubscriptionsPath}/{subscription.Id}/replay",
            System.Net.Http.Json.JsonContent.Create(new { from = T0.AddMinutes(-1), to = T0.AddHours(1) }))).AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(2, replay.GetProperty("replayed").GetInt32());
        await Eventually.UntilAsync(() => Task.FromResult(subscriber.Accepted.Count == 6), Patience, "the window's two events arrive again");

        var again = subscriber.Accepted.Skip(4).ToList();
        await Eventually.UntilAsync(async () => (await Service.DeliveriesAsync(subscription.Id)).All(d => d.Status == "Delivered"), Patience, "the replays are recorded");
        Assert.Equal(inside.Select(e => e.EventId), again.Select(r => r.EventId));
        Assert.All(again, r => Assert.Equal(first[r.EventId], r.WebhookId));
        var replayed = (await Service.DeliveriesAsync(subscription)).GetProperty("items").EnumerateArray().Where(d => d.GetProperty("replay").GetBoolean()).ToList();
        Assert.Equal(2, replayed.Count);
    }

    private Task PublishAsync(IntegrationEvent e) => e switch
    {
        UrbanPlanningFileOpened x => Service.PublishAsync(x),
        ServiceRequestSubmitted x => Service.PublishAsync(x),
        ServiceRequestStatusChanged x => Service.PublishAsync(x),
        BuildingPermitIssued x => Service.PublishAsync(x),
        ExcavationPermitIssued x => Service.PublishAsync(x),
        WasteContractSigned x => Service.PublishAsync(x),
        SupervisorAssigned x => Service.PublishAsync(x),
        SupervisorReportFiled x => Service.PublishAsync(x),
        CompletionCertificateIssued x => Service.PublishAsync(x),
        DocumentArchived x => Service.PublishAsync(x),
        PropertyRegistered x => Service.PublishAsync(x),
        OwnershipTransferred x => Service.PublishAsync(x),
        OfficeLicenceChanged x => Service.PublishAsync(x),
        StaffCertified x => Service.PublishAsync(x),
        ServiceRequestSlaBreached x => Service.PublishAsync(x),
        PermitRevoked x => Service.PublishAsync(x),
        UrbanPlanningFileHandedOver x => Service.PublishAsync(x),
        _ => throw new ArgumentException(e.GetType().Name),
    };
}
