using System.Net;
using System.Security.Cryptography;
using CityEServices.Archive.Consumers;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// Urban planning's Persian PDF of an issued document (IssuedDocumentRendered) is the file's one PERMIT
/// record of it, stored byte for byte under its document number; content that does not match the
/// announced hash is never stored and ends in the error queue.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class IssuedDocumentTests(ArchiveService service, ITestOutputHelper output) : ServiceTest<ArchiveService>(service, output), IClassFixture<ArchiveService>
{
    private const string Title = "پروانه ساختمانی 7K3M-9QX2-4HTV-R";

    [Fact]
    public async Task A_rendered_permit_delivered_twice_and_republished_is_one_PERMIT_record_with_its_number_and_no_Latin_record()
    {
        await Service.InsertDossierAsync("10000000101", "10-2-3-14-0-0-0", 10, "OFC10");
        var pdf = TestFiles.Pdf(pages: 2);
        var rendered = Rendered("10000000101", "10-2-3-14-0-0-0", "7K3M9QX24HTVR", pdf);
        // The issue's own event, numbered with the document: no Latin record comes of it any more.
        var issued = new BuildingPermitIssued(rendered.RequestId, "10000000101", "10-2-3-14-0-0-0", "7K3M9QX24HTVR", 5, 820.5m, "Residential") { OccurredAt = Service.Time.GetUtcNow() };

        await Service.PublishAsync(issued);
        await Service.PublishAsync(rendered);
        await Service.PublishAsync(rendered);
        await Service.PublishAsync(rendered with { EventId = Guid.CreateVersion7() });

        await Eventually.UntilAsync(() => Task.FromResult(Service.Deliveries.Finished(rendered.EventId) >= 2 && Service.Deliveries.Finished(issued.EventId) >= 1),
            TimeSpan.FromSeconds(15), "both deliveries and the issue handled");
        await Eventually.UntilAsync(async () => await Service.CountAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'IssuedDocumentRenderedConsumer'") == 2,
            TimeSpan.FromSeconds(15), "the republished event handled");
        Assert.Equal(0, Service.Deliveries.Faulted(rendered.EventId));
        Assert.Equal(0, Service.Deliveries.Faulted(issued.EventId));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM documents WHERE file_number = '10000000101'"));

        using var client = Service.CreateClient(TestTokens.Reviewer(10));
        var dossier = await (await client.GetAsync(Requests.DossierPath("10000000101"))).AssertJsonAsync(HttpStatusCode.OK);
        var record = Assert.Single(dossier.GetProperty("documents").EnumerateArray());
        Assert.Equal("PERMIT", record.GetProperty("category").GetString());
        Assert.Equal("System", record.GetProperty("source").GetString());
        Assert.Equal(Title, record.GetProperty("title").GetString());
        Assert.Equal("7K3M9QX24HTVR", record.GetProperty("documentNumber").GetString());
        Assert.Equal(rendered.Sha256, record.GetProperty("sha256").GetString());
        Assert.Equal(2, record.GetProperty("pages").GetInt32());
        Assert.Equal("system:archive", record.GetProperty("createdBy").GetString());

        using var content = await client.GetAsync(Requests.Content(record.GetProperty("documentId").GetGuid()));
        Assert.Equal("application/pdf", content.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await content.Content.ReadAsByteArrayAsync());
        Assert.Single(await Service.OutboxRowsAsync("DocumentArchived"), e => e.Payload.GetProperty("fileNumber").GetString() == "10000000101");
    }

    [Fact]
    public async Task A_PDF_that_does_not_match_its_hash_is_not_stored_and_ends_in_the_error_queue()
    {
        await Service.InsertDossierAsync("10000000102", "10-2-3-15-0-0-0", 10, "OFC10");
        var pdf = TestFiles.Pdf();
        var tampered = Rendered("10000000102", "10-2-3-15-0-0-0", "8M4N0RY35JWXS", pdf) with { Pdf = TestFiles.Pdf() };

        await Service.PublishAsync(tampered);

        await Eventually.UntilAsync(() => Task.FromResult(Service.Deliveries.Faulted(tampered.EventId) >= 1),
            TimeSpan.FromSeconds(30), "the consumer gives up on the mismatched content after its retries");
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM documents WHERE file_number = '10000000102'"));
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM documents WHERE document_number = '8M4N0RY35JWXS'"));
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", tampered.EventId)));
        Assert.False(File.Exists(Service.ContentPath(tampered.Sha256)), "the announced content was stored");
        Assert.False(File.Exists(Service.ContentPath(Convert.ToHexStringLower(SHA256.HashData(tampered.Pdf)))), "the mismatched content was stored");

        var errorQueue = new KebabCaseEndpointNameFormatter(Extensions.ServiceName, includeNamespace: false).Consumer<IssuedDocumentRenderedConsumer>() + "_error";
        await Eventually.UntilAsync(async () => await MessagesInAsync(errorQueue) == 1, TimeSpan.FromSeconds(15), $"the event waits in {errorQueue}");
    }

    private IssuedDocumentRendered Rendered(string fileNumber, string renovationCode, string number, byte[] pdf) =>
        new(number, Guid.NewGuid(), fileNumber, renovationCode, "BUILDING_PERMIT", Title, Convert.ToHexStringLower(SHA256.HashData(pdf)), pdf) { OccurredAt = Service.Time.GetUtcNow() };

    /// <summary>Messages in a queue of the service's own vhost; null while the queue does not exist.</summary>
    private async Task<uint?> MessagesInAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(Service.RabbitMqConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return null;
        }
    }
}
