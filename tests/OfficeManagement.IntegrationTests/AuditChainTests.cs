using System.Net;
using CityEServices.OfficeManagement.Data;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>The offices' status history hash chain (the tests themselves are in <see cref="AuditChainTestBase{TService, TEntryPoint}"/>).</summary>
[Collection(ServersCollection.Name)]
public sealed class AuditChainTests(OfficeManagementService service, ITestOutputHelper output)
    : AuditChainTestBase<OfficeManagementService, OfficeManagementDbContext>(service, output), IClassFixture<OfficeManagementService>
{
    private static int _office;

    protected override string VerifyPath => "/api/offices/audit/verify";

    protected override string Table => OfficeManagementDbContext.StatusChangesTable;

    protected override string InsertEntrySql =>
        $"INSERT INTO {Table} (id, office_code, from_status, to_status, changed_at, changed_by, note) VALUES (gen_random_uuid(), @key, 'Suspended', 'Suspended', now(), 'user:test', @note)";

    /// <summary>An office created and suspended through the service (its status change written by EF).</summary>
    protected override async Task<object> StartHistoryAsync()
    {
        var code = $"AUD{Interlocked.Increment(ref _office)}";
        using var admin = Service.CreateClient(TestTokens.Admin());
        await (await admin.CreateOfficeAsync(code, district: 9)).AssertJsonAsync(HttpStatusCode.Created);
        (await admin.ChangeStatusAsync(code, "Suspended", "بازرسی")).EnsureSuccessStatusCode();
        return code;
    }

    protected override async Task ExecuteAsServiceAsync(string sql)
    {
        using var scope = Service.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OfficeManagementDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}
