using System.Net;
using System.Text.Json;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Events;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static CityEServices.OfficeManagement.IntegrationTests.Infrastructure.RequestEvents;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>
/// Scorecards built by the real inbox consumers from urban planning's events over the real RabbitMQ:
/// every event delivered twice (and some out of order) counts once.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ScorecardTests(OfficeManagementService service, ITestOutputHelper output) : ServiceTest<OfficeManagementService>(service, output), IClassFixture<OfficeManagementService>
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Redelivered_and_reordered_events_count_once_and_the_scorecard_and_ranking_follow()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        foreach (var (code, district) in new[] { ("SCR1", 4), ("SCR2", 4), ("SCR3", 11) })
        {
            await (await admin.CreateOfficeAsync(code, district)).AssertJsonAsync(HttpStatusCode.Created);
        }

        // SCR1: one permit returned for missing documents then issued after 10 h, one issued after 20 h
        // first time, one urban file rejected past its SLA. SCR2: one permit issued after 5 h.
        Guid r1 = Guid.NewGuid(), r2 = Guid.NewGuid(), r3 = Guid.NewGuid(), r4 = Guid.NewGuid();
        var events = new List<IntegrationEvent>
        {
            Submitted(r1, "SCR1", ServiceTypes.BuildingPermit, T0),
            Changed(r1, "SCR1", ServiceTypes.BuildingPermit, "Submitted", "UnderReview", T0.AddHours(1)),
            Changed(r1, "SCR1", ServiceTypes.BuildingPermit, "UnderReview", "Returned", T0.AddHours(2), ReturnReasons.MissingDocuments),
            Changed(r1, "SCR1", ServiceTypes.BuildingPermit, "Returned", "Submitted", T0.AddHours(3)),
            Changed(r1, "SCR1", ServiceTypes.BuildingPermit, "Paid", "Issued", T0.AddHours(10)),
            // r2's status change is published before its submission.
            Changed(r2, "SCR1", ServiceTypes.BuildingPermit, "Paid", "Issued", T0.AddHours(20)),
            Submitted(r2, "SCR1", ServiceTypes.BuildingPermit, T0),
            Submitted(r3, "SCR1", ServiceTypes.UrbanFile, T0),
            Changed(r3, "SCR1", ServiceTypes.UrbanFile, "UnderReview", "Rejected", T0.AddDays(9), slaBreached: true),
            Submitted(r4, "SCR2", ServiceTypes.BuildingPermit, T0),
            Changed(r4, "SCR2", ServiceTypes.BuildingPermit, "Paid", "Issued", T0.AddHours(5)),
        };

        using var consumes = new ConsumeMeter();
        var bus = Service.Factory.Services.GetRequiredService<IBus>();
        foreach (var message in events.Concat(events))
        {
            await bus.Publish(message, message.GetType());
        }

        // Every copy consumed, the duplicates included (and ignored): nothing left in the queues.
        await Eventually.UntilAsync(
            () => Task.FromResult(consumes.Consumed.Count(IsScorecardConsumer) >= 2 * events.Count),
            TimeSpan.FromSeconds(20),
            $"{2 * events.Count} deliveries of {events.Count} events consumed");
        Assert.Empty(consumes.Errors);
        Assert.Equal(2 * events.Count, consumes.Consumed.Count(IsScorecardConsumer));
        Assert.Equal(events.Count, await Service.CountAsync("SELECT count(*) FROM inbox_messages"));
        Assert.Equal(4, await Service.CountAsync("SELECT count(*) FROM request_records"));

        var card = await (await admin.GetAsync("/api/offices/scr1/scorecard")).AssertJsonAsync(HttpStatusCode.OK);
        var totals = card.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("requests").GetInt32());
        Assert.Equal(2, totals.GetProperty("issued").GetInt32());
        Assert.Equal(1, totals.GetProperty("returned").GetInt32());
        Assert.Equal(1, totals.GetProperty("rejected").GetInt32());
        Assert.Equal(0.6667m, totals.GetProperty("firstTimeRightRate").GetDecimal());
        Assert.Equal(15d, totals.GetProperty("medianTurnaroundHours").GetDouble());
        Assert.Equal(1, totals.GetProperty("slaBreaches").GetInt32());

        var byType = card.GetProperty("byServiceType").EnumerateArray().ToDictionary(t => t.GetProperty("serviceType").GetString()!);
        Assert.Equal([ServiceTypes.BuildingPermit, ServiceTypes.UrbanFile], byType.Keys);
        var permit = byType[ServiceTypes.BuildingPermit];
        Assert.Equal("پروانه ساختمانی", permit.GetProperty("titleFa").GetString());
        Assert.Equal(2, permit.GetProperty("figures").GetProperty("requests").GetInt32());
        Assert.Equal(0.5m, permit.GetProperty("figures").GetProperty("firstTimeRightRate").GetDecimal());
        var urbanFile = byType[ServiceTypes.UrbanFile].GetProperty("figures");
        Assert.Equal(JsonValueKind.Null, urbanFile.GetProperty("medianTurnaroundHours").ValueKind);
        Assert.Equal(1, urbanFile.GetProperty("slaBreaches").GetInt32());

        // An office that handled nothing has an empty scorecard, not a 404.
        var empty = await (await admin.GetAsync("/api/offices/SCR3/scorecard")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, empty.GetProperty("totals").GetProperty("requests").GetInt32());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("totals").GetProperty("firstTimeRightRate").ValueKind);

        var ranking = await (await admin.GetAsync("/api/offices/scorecards?district=4")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, ranking.GetProperty("total").GetInt32());
        Assert.Equal(
            [(1, "SCR2"), (2, "SCR1")],
            ranking.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("rank").GetInt32(), i.GetProperty("officeCode").GetString())));
    }

    [Fact]
    public async Task Scorecards_refuse_what_they_should()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        if (await Service.CountAsync("SELECT count(*) FROM offices WHERE code = 'SCR9'") == 0)
        {
            await (await admin.CreateOfficeAsync("SCR9", 9)).AssertJsonAsync(HttpStatusCode.Created);
        }

        await (await admin.GetAsync("/api/offices/NOPE1/scorecard")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync("/api/offices/SC-R/scorecard")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/offices/scorecards?pageSize=500")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/offices/scorecards?district=0")).AssertProblemAsync(HttpStatusCode.BadRequest);

        using var anonymous = Service.CreateClient();
        await (await anonymous.GetAsync("/api/offices/SCR9/scorecard")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        // An operator who is not this office's Manager, and any operator for the ranking.
        var manager = NationalIds.Next();
        await (await admin.AddStaffAsync("SCR9", manager, "Manager", "Manager")).AssertJsonAsync(HttpStatusCode.Created);
        using var other = Service.CreateClient(TestTokens.Operator("SCR1", manager));
        var notYours = await (await other.GetAsync("/api/offices/SCR9/scorecard")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("NotYourOffice", notYours.GetProperty("reason").GetString());
        using var managerClient = Service.CreateClient(TestTokens.Operator("SCR9", manager));
        await (await managerClient.GetAsync("/api/offices/SCR9/scorecard")).AssertJsonAsync(HttpStatusCode.OK);
        var ranking = await (await managerClient.GetAsync("/api/offices/scorecards")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("RoleNotAllowed", ranking.GetProperty("reason").GetString());
        using var integrator = Service.CreateClient(TestTokens.Integrator());
        await (await integrator.GetAsync("/api/offices/SCR9/scorecard")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static bool IsScorecardConsumer(string consumerType) =>
        consumerType.Contains(nameof(Consumers.ServiceRequestSubmittedConsumer), StringComparison.Ordinal)
        || consumerType.Contains(nameof(Consumers.ServiceRequestStatusChangedConsumer), StringComparison.Ordinal);
}
