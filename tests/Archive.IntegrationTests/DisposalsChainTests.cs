using System.Net;
using System.Net.Http.Json;
using CityEServices.Archive.Data;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>The hash chain of the disposals (verified with <c>?trail=disposals</c>).</summary>
[Collection(ServersCollection.Name)]
public sealed class DisposalsChainTests(ArchiveService service, ITestOutputHelper output)
    : AuditChainTestBase<ArchiveService, ArchiveDbContext>(service, output), IClassFixture<ArchiveService>
{
    private static int _file;

    protected override string VerifyPath => $"/api/archive/audit/verify?trail={ArchiveDbContext.DisposalsTable}";

    protected override string Table => ArchiveDbContext.DisposalsTable;

    protected override string EditableColumn => "reason";

    // Each entry names a document of its own (one disposal per document); the rest is as a disposal writes it.
    protected override string InsertEntrySql =>
        $"INSERT INTO {Table} (id, document_id, sha256, category_code, retained_until, reason, disposed_by, disposed_at, content_removed) " +
        "VALUES (gen_random_uuid(), gen_random_uuid(), repeat('0', 64), 'CORRESPONDENCE', now(), coalesce(CAST(@note AS text), @key), 'user:test', now(), true)";

    /// <summary>A document archived eleven years ago (backdated) and disposed of by an archivist (recorded by EF).</summary>
    protected override async Task<object> StartHistoryAsync()
    {
        var file = $"0900000{Interlocked.Increment(ref _file) + 4000:D4}";
        using var archivist = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var receipt = await (await archivist.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "c.pdf", "application/pdf",
            ("category", "CORRESPONDENCE"), ("fileNumber", file), ("title", $"dispose {Guid.NewGuid():N}"), ("source", "LegacyImport"))))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = receipt.GetProperty("documentId").GetGuid();
        await Service.ExecuteAsync("UPDATE documents SET created_at = now() - interval '11 years' WHERE id = @id", ("id", id));
        await (await archivist.PostAsJsonAsync("/api/archive/disposals", new { documentId = id, reason = "پایان دوره نگهداری" })).AssertJsonAsync(HttpStatusCode.Created);
        return "پایان دوره نگهداری";
    }

    protected override async Task ExecuteAsServiceAsync(string sql)
    {
        using var scope = Service.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}
