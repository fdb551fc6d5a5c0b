using System.Net;
using System.Text.Json;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// Urban planning's BuildingPermitIssued and CompletionCertificateIssued through RabbitMQ and the
/// inbox: applied once however often they arrive, visible at once through the (cached) API.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ConsumerTests(PropertyService service, ITestOutputHelper output) : ServiceTest<PropertyService>(service, output), IClassFixture<PropertyService>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private async Task WaitConsumedAsync(Guid eventId, int times) =>
        await Eventually.UntilAsync(() => Task.FromResult(Service.Consumed.Count(eventId) >= times), Deadline, $"event {eventId} consumed {times} time(s)");

    [Fact]
    public async Task A_permit_then_a_completion_each_delivered_twice_are_each_applied_once()
    {
        const string Code = "12-5-6-7-0-0-0";
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        using (var registrar = Service.CreateClient(TestTokens.Registrar()))
        {
            await (await registrar.RegisterAsync(Requests.Registration(Code, 12, Requests.Owner(NationalIds.Next(), "مریم احمدی", 6)))).AssertJsonAsync(HttpStatusCode.Created);
        }

        // Read first, so the property is cached when the events arrive.
        var before = await (await client.GetAsync(Requests.PropertyPath(Code))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("permittedConstruction").ValueKind);

        var permit = new BuildingPermitIssued(Guid.NewGuid(), "12000000001", Code, "BP-12-0001", 5, 920.5m, "Residential") { OccurredAt = Service.Time.GetUtcNow() };
        await Service.PublishAsync(permit);
        await Service.PublishAsync(permit);
        // The same permit announced again under a new event id (a republished outbox) changes nothing either.
        var republished = permit with { EventId = Guid.NewGuid() };
        await Service.PublishAsync(republished);
        await WaitConsumedAsync(permit.EventId, 2);
        await WaitConsumedAsync(republished.EventId, 1);

        var permitted = await (await client.GetAsync(Requests.PropertyPath(Code))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("BP-12-0001", permitted.GetProperty("permittedConstruction").GetProperty("permitNumber").GetString());
        Assert.Equal(920.5m, permitted.GetProperty("permittedConstruction").GetProperty("buildingAreaM2").GetDecimal());
        Assert.True(permitted.GetProperty("restrictions").GetProperty("underConstruction").GetBoolean());

        var completion = new CompletionCertificateIssued(Guid.NewGuid(), "12000000001", Code, "CC-12-0001", 5, 910m) { OccurredAt = Service.Time.GetUtcNow() };
        await Service.PublishAsync(completion);
        await Service.PublishAsync(completion);
        await WaitConsumedAsync(completion.EventId, 2);

        var completed = await (await client.GetAsync(Requests.PropertyPath(Code))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("CC-12-0001", completed.GetProperty("completedConstruction").GetProperty("certificateNumber").GetString());
        Assert.False(completed.GetProperty("restrictions").GetProperty("underConstruction").GetBoolean());

        var history = await (await client.GetAsync($"{Requests.PropertiesPath}/{Code}/history")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Registered", "PermitRecorded", "CompletionRecorded"], history.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(["BP-12-0001", "CC-12-0001"], history.GetProperty("items").EnumerateArray().Skip(1).Select(e => e.GetProperty("reference").GetString()));
        // The registry recorded them itself, as an actor id; the reference says which permit or certificate.
        Assert.Equal(["system:property", "system:property"], history.GetProperty("items").EnumerateArray().Skip(1).Select(e => e.GetProperty("actor").GetString()));
        Assert.Equal(3, await Service.CountAsync(
            "SELECT count(*) FROM inbox_messages WHERE message_id IN (@a, @b, @c)", ("a", permit.EventId), ("b", republished.EventId), ("c", completion.EventId)));
    }

    [Fact]
    public async Task An_event_for_an_unknown_property_is_acknowledged_and_changes_nothing()
    {
        var writes = await Service.CountWritesAsync();
        var permit = new BuildingPermitIssued(Guid.NewGuid(), "13000000001", "13-9-9-9-0-0-0", "BP-13-0001", 3, 300m, "Commercial") { OccurredAt = Service.Time.GetUtcNow() };

        await Service.PublishAsync(permit);
        await WaitConsumedAsync(permit.EventId, 1);

        Assert.Equal(writes, await Service.CountWritesAsync());
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", permit.EventId)));
    }
}
