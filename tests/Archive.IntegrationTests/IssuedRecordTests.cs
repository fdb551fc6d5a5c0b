using System.Net;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// Issues that came with no rendered document (numbered by the older per-file sequence) become Latin
/// system records (category PERMIT, source System) in the file's dossier, once however often announced;
/// issues numbered with a document number leave the record to the Persian PDF (<see cref="IssuedDocumentTests"/>).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class IssuedRecordTests(ArchiveService service, ITestOutputHelper output) : ServiceTest<ArchiveService>(service, output), IClassFixture<ArchiveService>
{
    [Fact]
    public async Task A_building_permit_issued_twice_is_one_system_pdf_record_in_the_dossier()
    {
        await Service.InsertDossierAsync("10000000001", "10-2-3-4-0-0-0", 10, "OFC10");
        var issued = new BuildingPermitIssued(Guid.NewGuid(), "10000000001", "10-2-3-4-0-0-0", "BP-1404-0001", 5, 820.5m, "Residential") { OccurredAt = Service.Time.GetUtcNow() };

        await Service.PublishAsync(issued);
        await Service.PublishAsync(issued);
        await Service.PublishAsync(issued with { EventId = Guid.CreateVersion7() });

        await Eventually.UntilAsync(() => Task.FromResult(Service.Deliveries.Finished(issued.EventId) >= 2), TimeSpan.FromSeconds(15), "both deliveries handled");
        Assert.Equal(0, Service.Deliveries.Faulted(issued.EventId));
        await Eventually.UntilAsync(async () => await Service.CountAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'BuildingPermitIssuedConsumer'") == 2,
            TimeSpan.FromSeconds(15), "the republished event handled");
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM documents WHERE file_number = '10000000001' AND category_code = 'PERMIT' AND source = 'System'"));

        using var client = Service.CreateClient(TestTokens.Reviewer(10));
        var dossier = await (await client.GetAsync(Requests.DossierPath("10000000001"))).AssertJsonAsync(HttpStatusCode.OK);
        var record = Assert.Single(dossier.GetProperty("documents").EnumerateArray());
        Assert.Equal("PERMIT", record.GetProperty("category").GetString());
        Assert.Equal("System", record.GetProperty("source").GetString());
        Assert.Equal("Building permit BP-1404-0001", record.GetProperty("title").GetString());
        Assert.Equal("system:archive", record.GetProperty("createdBy").GetString());

        using var content = await client.GetAsync(Requests.Content(record.GetProperty("documentId").GetGuid()));
        Assert.Equal("application/pdf", content.Content.Headers.ContentType?.MediaType);
        var text = System.Text.Encoding.ASCII.GetString(await content.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains("BP-1404-0001", text, StringComparison.Ordinal);
        Assert.Single(await Service.OutboxRowsAsync("DocumentArchived"), e => e.Payload.GetProperty("fileNumber").GetString() == "10000000001");
    }

    [Fact]
    public async Task Every_issued_event_makes_its_own_record()
    {
        await Service.InsertDossierAsync("10000000002", "10-2-3-5-0-0-0", 10, "OFC10");
        await Service.PublishAsync(new ExcavationPermitIssued(Guid.NewGuid(), "10000000002", "10-2-3-5-0-0-0", "EX-77", "Valiasr", 12.5m, 1.2m, 10) { OccurredAt = Service.Time.GetUtcNow() });
        await Service.PublishAsync(new WasteContractSigned(Guid.NewGuid(), "10000000002", "10-2-3-5-0-0-0", "WC-12", 40m, "Hauler Co", "Aradkouh") { OccurredAt = Service.Time.GetUtcNow() });
        await Service.PublishAsync(new CompletionCertificateIssued(Guid.NewGuid(), "10000000002", "10-2-3-5-0-0-0", "CC-9", 5, 820.5m) { OccurredAt = Service.Time.GetUtcNow() });

        await Eventually.UntilAsync(async () => await Service.CountAsync("SELECT count(*) FROM documents WHERE file_number = '10000000002' AND category_code = 'PERMIT'") == 3,
            TimeSpan.FromSeconds(15), "three system records");
    }

    [Fact]
    public async Task Issues_numbered_with_a_document_number_make_no_Latin_record()
    {
        await Service.InsertDossierAsync("10000000003", "10-2-3-6-0-0-0", 10, "OFC10");
        var permit = new BuildingPermitIssued(Guid.NewGuid(), "10000000003", "10-2-3-6-0-0-0", "7K3M9QX24HTVR", 5, 820.5m, "Residential") { OccurredAt = Service.Time.GetUtcNow() };
        var excavation = new ExcavationPermitIssued(Guid.NewGuid(), "10000000003", "10-2-3-6-0-0-0", "8M4N0RY35JWXS", "Valiasr", 12.5m, 1.2m, 10) { OccurredAt = Service.Time.GetUtcNow() };
        var contract = new WasteContractSigned(Guid.NewGuid(), "10000000003", "10-2-3-6-0-0-0", "9N5P1SZ46KXYT", 40m, "Hauler Co", "Aradkouh") { OccurredAt = Service.Time.GetUtcNow() };
        var certificate = new CompletionCertificateIssued(Guid.NewGuid(), "10000000003", "10-2-3-6-0-0-0", "AP6Q2T057MYZV", 5, 820.5m) { OccurredAt = Service.Time.GetUtcNow() };
        await Service.PublishAsync(permit);
        await Service.PublishAsync(excavation);
        await Service.PublishAsync(contract);
        await Service.PublishAsync(certificate);
        IntegrationEvent[] issued = [permit, excavation, contract, certificate];

        await Eventually.UntilAsync(() => Task.FromResult(issued.All(e => Service.Deliveries.Finished(e.EventId) >= 1)), TimeSpan.FromSeconds(15), "all four issues handled");
        Assert.All(issued, e => Assert.Equal(0, Service.Deliveries.Faulted(e.EventId)));
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM documents WHERE file_number = '10000000003'"));
    }
}
