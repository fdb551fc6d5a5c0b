using System.Text.Json.Nodes;
using CityEServices.Contracts.Events;
using CityEServices.Notifications.Domain.Events;

namespace CityEServices.Notifications.Tests;

public class EventDataTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly UrbanPlanningFileOpened Opened = new("22001840320", "22-1-2-3-0-0-0", 22, "S22A", "0076229645", "user:7")
    {
        OccurredAt = At,
        ApplicantMobile = "+989121234567",
        TrackingCode = "7K3M9QXW2HPRT",
        CorrelationId = "req-1",
    };

    [Fact]
    public void Stored_data_is_the_event_without_its_envelope()
    {
        var data = JsonNode.Parse(EventData.ToStoredJson(Opened))!.AsObject();

        Assert.Equal("22001840320", (string?)data["fileNumber"]);
        Assert.Equal("7K3M9QXW2HPRT", (string?)data["trackingCode"]);
        Assert.False(data.ContainsKey("eventId"));
        Assert.False(data.ContainsKey("occurredAt"));
        Assert.False(data.ContainsKey("correlationId"));
    }

    [Fact]
    public void Without_pii_read_national_ids_and_mobiles_are_masked_as_the_API_masks_them()
    {
        var data = EventData.Shape(EventData.ToStoredJson(Opened), EventCatalog.For(typeof(UrbanPlanningFileOpened)), maySeePersonalData: false);

        Assert.Equal("00******45", (string?)data["applicantNationalId"]);
        Assert.Equal("+98912*****67", (string?)data["applicantMobile"]);
        Assert.Equal("22001840320", (string?)data["fileNumber"]);
    }

    [Fact]
    public void With_pii_read_the_data_is_whole()
    {
        var data = EventData.Shape(EventData.ToStoredJson(Opened), EventCatalog.For(typeof(UrbanPlanningFileOpened)), maySeePersonalData: true);

        Assert.Equal("0076229645", (string?)data["applicantNationalId"]);
        Assert.Equal("+989121234567", (string?)data["applicantMobile"]);
    }

    [Fact]
    public void Owners_who_are_people_are_masked_organisations_are_not()
    {
        var registered = new PropertyRegistered("5-12-345-6-0-0-0", 5, [new OwnerShare("1583250689", "3"), new OwnerShare("10380284790", "3")]) { OccurredAt = At };

        var data = EventData.Shape(EventData.ToStoredJson(registered), EventCatalog.For(typeof(PropertyRegistered)), maySeePersonalData: false);

        var owners = data["owners"]!.AsArray();
        Assert.Equal("15******89", (string?)owners[0]!["partyId"]);
        Assert.Equal("10380284790", (string?)owners[1]!["partyId"]);
    }

    [Fact]
    public void Transfers_mask_both_parties()
    {
        var transferred = new OwnershipTransferred("5-12-345-6-0-0-0", "0076229645", "1583250689", "6")
        {
            OccurredAt = At,
            OwnersAfter = [new OwnerShare("1583250689", "6"), new OwnerShare("10380284790", "0")],
        };

        var data = EventData.Shape(EventData.ToStoredJson(transferred), EventCatalog.For(typeof(OwnershipTransferred)), maySeePersonalData: false);

        Assert.Equal("00******45", (string?)data["fromNationalId"]);
        Assert.Equal("15******89", (string?)data["toNationalId"]);
        // The owners after it too: a person's ID masked, an organisation's (a public register's) kept.
        var owners = data["ownersAfter"]!.AsArray();
        Assert.Equal("15******89", (string?)owners[0]!["partyId"]);
        Assert.Equal("10380284790", (string?)owners[1]!["partyId"]);
    }

    [Fact]
    public void A_missing_optional_mobile_stays_missing()
    {
        var withoutMobile = Opened with { ApplicantMobile = null };

        var data = EventData.Shape(EventData.ToStoredJson(withoutMobile), EventCatalog.For(typeof(UrbanPlanningFileOpened)), maySeePersonalData: false);

        Assert.Null((string?)data["applicantMobile"]);
    }
}
