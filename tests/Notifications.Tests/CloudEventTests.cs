using System.Text.Json;
using CityEServices.Contracts.Events;
using CityEServices.Notifications.Domain.Events;
using CityEServices.Notifications.Domain.Webhooks;

namespace CityEServices.Notifications.Tests;

public class CloudEventTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 8, 30, 0, 123, TimeSpan.Zero);

    private static EventLogEntry Entry(IntegrationEvent e)
    {
        var descriptor = EventCatalog.For(e.GetType());
        return new EventLogEntry
        {
            EventId = e.EventId,
            Type = descriptor.CloudEventType,
            Source = descriptor.Source,
            Subject = descriptor.SubjectOf(e),
            Time = At,
            Data = EventData.ToStoredJson(e),
            RecordedAt = At,
        };
    }

    [Fact]
    public void A_delivery_is_a_structured_CloudEvent_1_0()
    {
        var opened = new UrbanPlanningFileOpened("22001840320", "22-1-2-3-0-0-0", 22, "S22A", "0076229645", "user:7") { OccurredAt = At };
        var entry = Entry(opened);

        using var json = JsonDocument.Parse(CloudEvent.Serialize(entry, EventCatalog.For(typeof(UrbanPlanningFileOpened)), maySeePersonalData: false));
        var root = json.RootElement;

        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal(opened.EventId.ToString(), root.GetProperty("id").GetString());
        Assert.Equal("/cityeservices/urban-planning", root.GetProperty("source").GetString());
        Assert.Equal("ir.tehran.city.urban-planning.file-opened", root.GetProperty("type").GetString());
        Assert.Equal("22001840320", root.GetProperty("subject").GetString());
        Assert.Equal("2026-05-01T08:30:00.123000Z", root.GetProperty("time").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal("00******45", root.GetProperty("data").GetProperty("applicantNationalId").GetString());
        Assert.Equal(22, root.GetProperty("data").GetProperty("district").GetInt32());
    }

    [Fact]
    public void The_same_event_for_the_same_subscriber_is_the_same_bytes_every_time()
    {
        var entry = Entry(new ServiceRequestSubmitted(Guid.NewGuid(), "22001840320", "BUILDING_PERMIT", "S22A", At.AddDays(30)) { OccurredAt = At });
        var descriptor = EventCatalog.For(typeof(ServiceRequestSubmitted));

        Assert.Equal(CloudEvent.Serialize(entry, descriptor, false), CloudEvent.Serialize(entry, descriptor, false));
    }
}
