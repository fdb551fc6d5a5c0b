using System.Net;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Events;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>
/// Events about one request arrive on two queues at once (and either way round): they must fold into
/// its one row first time, not by losing a race on the key and succeeding on MassTransit's retry.
/// A class of its own so its database holds only these events.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ScorecardConcurrencyTests(OfficeManagementService service, ITestOutputHelper output) : ServiceTest<OfficeManagementService>(service, output), IClassFixture<OfficeManagementService>
{
    private const int RequestCount = 20;

    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Events_of_the_same_requests_published_at_once_fold_without_a_failed_attempt()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        await (await admin.CreateOfficeAsync("SCC1", 6)).AssertJsonAsync(HttpStatusCode.Created);

        // Each request: submitted, taken into review, then issued after (i + 1) h (even i), returned for
        // missing documents (i % 4 == 1) or rejected past its SLA (i % 4 == 3). Half the requests have
        // their status changes published before their submission.
        var events = new List<IntegrationEvent>();
        for (var i = 0; i < RequestCount; i++)
        {
            var request = Guid.NewGuid();
            var submitted = Submitted(request, T0);
            var review = Changed(request, "Submitted", "UnderReview", T0.AddMinutes(30));
            var outcome = (i % 4) switch
            {
                0 or 2 => Changed(request, "Paid", "Issued", T0.AddHours(i + 1)),
                1 => Changed(request, "UnderReview", "Returned", T0.AddHours(2), ReturnReasons.MissingDocuments),
                _ => Changed(request, "UnderReview", "Rejected", T0.AddDays(9), slaBreached: true),
            };
            events.AddRange(i % 2 == 0 ? [submitted, review, outcome] : [outcome, review, submitted]);
        }

        using var consumes = new ConsumeMeter();
        var bus = Service.Factory.Services.GetRequiredService<IBus>();
        await Task.WhenAll(events.Select(message => bus.Publish(message, message.GetType())));

        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM inbox_messages") == events.Count,
            TimeSpan.FromSeconds(60),
            $"{events.Count} events applied");
        // Not one attempt lost a race and was left to MassTransit's retry.
        var errors = consumes.Errors;
        Assert.True(errors.Count == 0, $"{errors.Count} consume attempts threw: {string.Join("; ", errors.GroupBy(e => e).Select(g => $"{g.Key} x{g.Count()}"))}");
        Assert.Equal(RequestCount, await Service.CountAsync("SELECT count(*) FROM request_records"));

        var card = await (await admin.GetAsync("/api/offices/SCC1/scorecard")).AssertJsonAsync(HttpStatusCode.OK);
        var totals = card.GetProperty("totals");
        Assert.Equal(RequestCount, totals.GetProperty("requests").GetInt32());
        Assert.Equal(10, totals.GetProperty("issued").GetInt32());
        Assert.Equal(5, totals.GetProperty("returned").GetInt32());
        Assert.Equal(5, totals.GetProperty("rejected").GetInt32());
        Assert.Equal(0.75m, totals.GetProperty("firstTimeRightRate").GetDecimal());
        Assert.Equal(5, totals.GetProperty("slaBreaches").GetInt32());
        // Issued after 1, 3, ..., 19 h: the median of ten is halfway between 9 and 11.
        Assert.Equal(10d, totals.GetProperty("medianTurnaroundHours").GetDouble());
    }

    private static ServiceRequestSubmitted Submitted(Guid request, DateTimeOffset at) =>
        new(request, "06000000001", ServiceTypes.BuildingPermit, "SCC1", at.AddDays(14)) { OccurredAt = at };

    private static ServiceRequestStatusChanged Changed(
        Guid request, string from, string to, DateTimeOffset at, string? reasonCode = null, bool slaBreached = false) =>
        new(request, "06000000001", ServiceTypes.BuildingPermit, "SCC1", from, to, "reviewer", reasonCode is null ? null : "documents missing", slaBreached)
        {
            OccurredAt = at,
            ReasonCode = reasonCode,
        };
}
