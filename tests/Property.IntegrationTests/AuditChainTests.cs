using System.Net;
using CityEServices.Property.Data;
using CityEServices.Property.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Property.IntegrationTests;

/// <summary>The property history's hash chain (the tests themselves are in <see cref="AuditChainTestBase{TService, TEntryPoint}"/>).</summary>
[Collection(ServersCollection.Name)]
public sealed class AuditChainTests(PropertyService service, ITestOutputHelper output)
    : AuditChainTestBase<PropertyService, PropertyDbContext>(service, output), IClassFixture<PropertyService>
{
    private static int _parcel;

    protected override string VerifyPath => "/api/properties/audit/verify";

    protected override string Table => PropertyDbContext.HistoryTable;

    protected override string InsertEntrySql =>
        $"INSERT INTO {Table} (id, renovation_code, at, kind, actor, note, legal_hold_after, under_construction_after) VALUES (gen_random_uuid(), @key, now(), 'LegalHoldSet', 'user:test', @note, true, false)";

    /// <summary>A property registered through the service (its history entry written by EF).</summary>
    protected override async Task<object> StartHistoryAsync()
    {
        var code = $"14-7-3-{Interlocked.Increment(ref _parcel)}-0-0-0";
        using var registrar = Service.CreateClient(TestTokens.Registrar());
        await (await registrar.RegisterAsync(Requests.Registration(code, 14, Requests.Owner(NationalIds.Next(), "مریم احمدی", 6)))).AssertJsonAsync(HttpStatusCode.Created);
        return code;
    }

    protected override async Task ExecuteAsServiceAsync(string sql)
    {
        using var scope = Service.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PropertyDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}
