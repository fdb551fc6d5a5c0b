using System.Net;
using CityEServices.Archive.Data;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>The hash chain of the reads of archived content, the archive's default trail.</summary>
[Collection(ServersCollection.Name)]
public sealed class ContentReadsChainTests(ArchiveService service, ITestOutputHelper output)
    : AuditChainTestBase<ArchiveService, ArchiveDbContext>(service, output), IClassFixture<ArchiveService>
{
    protected override string VerifyPath => "/api/archive/audit/verify";

    protected override string Table => ArchiveDbContext.ContentReadsTable;

    protected override string EditableColumn => "range";

    protected override bool IdIsIdentity => true;

    protected override string InsertEntrySql =>
        $"INSERT INTO {Table} (document_id, actor, read_at, range) VALUES (@key, 'user:test', now(), @note)";

    /// <summary>A document archived and its content read by an archivist (the read recorded by EF).</summary>
    protected override async Task<object> StartHistoryAsync()
    {
        using var archivist = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var receipt = await (await archivist.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "c.pdf", "application/pdf",
            ("category", "CORRESPONDENCE"), ("fileNumber", "09000000031"), ("title", $"read {Guid.NewGuid():N}"), ("source", "LegacyImport"))))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = receipt.GetProperty("documentId").GetGuid();
        using var content = await archivist.GetAsync(Requests.Content(id));
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        return id;
    }

    protected override async Task ExecuteAsServiceAsync(string sql)
    {
        using var scope = Service.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}
