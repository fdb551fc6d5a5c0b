using System.Net;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.Iran;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// A file opened in urban planning becomes a dossier in the archive through the real broker, once
/// however often the event is delivered.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class DossierFromEventTests(ArchiveService service, ITestOutputHelper output) : ServiceTest<ArchiveService>(service, output), IClassFixture<ArchiveService>
{
    [Fact]
    public async Task A_published_file_opening_becomes_a_dossier_that_was_404_before()
    {
        var openedAt = new DateTimeOffset(2025, 11, 29, 10, 0, 0, TimeSpan.Zero);
        var opened = new UrbanPlanningFileOpened("12000000031", "12-4-7-31-0-0-0", 12, "OFC12", "0076229645", "Maryam Operator") { OccurredAt = openedAt };
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));

        var before = await (await client.GetAsync(Requests.DossierPath("12000000031"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("12000000031", before.GetProperty("detail").GetString());

        await Service.PublishAsync(opened);

        HttpResponseMessage? found = null;
        await Eventually.UntilAsync(async () =>
        {
            found?.Dispose();
            found = await client.GetAsync(Requests.DossierPath("12000000031"));
            return found.StatusCode != HttpStatusCode.NotFound;
        }, TimeSpan.FromSeconds(10), "the dossier of 12000000031 to appear");

        using var ok = found!;
        var dossier = await ok.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("12000000031", dossier.GetProperty("fileNumber").GetString());
        Assert.Equal("12-4-7-31-0-0-0", dossier.GetProperty("renovationCode").GetString());
        Assert.Equal(12, dossier.GetProperty("district").GetInt32());
        Assert.Equal("OFC12", dossier.GetProperty("officeCode").GetString());
        // When the file was opened (the event's time), not when the archive heard of it.
        Assert.Equal(openedAt, dossier.GetProperty("openedAt").GetProperty("utc").GetDateTimeOffset());
        Assert.Equal(SolarHijri.Format(openedAt), dossier.GetProperty("openedAt").GetProperty("jalali").GetString());
        Assert.True(dossier.GetProperty("createdAt").GetProperty("utc").GetDateTimeOffset() > openedAt);
        Assert.Empty(dossier.GetProperty("documents").EnumerateArray());

        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", opened.EventId)));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_makes_one_dossier_and_one_inbox_row()
    {
        var opened = new UrbanPlanningFileOpened("12000000032", "12-4-7-32-0-0-0", 12, "OFC12", "0076229645", "Maryam Operator") { OccurredAt = Service.Time.GetUtcNow() };

        // Published twice with the same event (and message) id: a redelivery after a lost confirm.
        await Service.PublishAsync(opened);
        await Service.PublishAsync(opened);

        await Eventually.UntilAsync(() => Task.FromResult(Service.Deliveries.Finished(opened.EventId) >= 2), TimeSpan.FromSeconds(15), "both deliveries handled");
        Assert.Equal(0, Service.Deliveries.Faulted(opened.EventId));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM dossiers WHERE file_number = '12000000032'"));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", opened.EventId)));

        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        using var response = await client.GetAsync(Requests.DossierPath("12000000032"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_same_file_announced_again_under_a_new_event_id_keeps_the_first_dossier()
    {
        var first = new UrbanPlanningFileOpened("12000000033", "12-4-7-33-0-0-0", 12, "OFC12", "0076229645", "Maryam Operator") { OccurredAt = Service.Time.GetUtcNow() };
        var republished = first with { EventId = Guid.CreateVersion7(), OfficeCode = "OFC99" };

        await Service.PublishAsync(first);
        await Eventually.UntilAsync(() => Task.FromResult(Service.Deliveries.Finished(first.EventId) >= 1), TimeSpan.FromSeconds(15), "the first delivery handled");
        await Service.PublishAsync(republished);
        await Eventually.UntilAsync(() => Task.FromResult(Service.Deliveries.Finished(republished.EventId) >= 1), TimeSpan.FromSeconds(15), "the republished delivery handled");

        Assert.Equal(0, Service.Deliveries.Faulted(republished.EventId));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM dossiers WHERE file_number = '12000000033'"));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM dossiers WHERE file_number = '12000000033' AND office_code = 'OFC12'"));
        Assert.Equal(2, await Service.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id IN (@a, @b)", ("a", first.EventId), ("b", republished.EventId)));
    }
}
