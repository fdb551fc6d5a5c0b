using System.Net;
using CityEServices.Property.Data;
using CityEServices.Property.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Property.IntegrationTests;

/// <summary>The hash chain of the reads of citizens' data, the property service's second trail (verified with <c>?trail=personal_data_reads</c>).</summary>
[Collection(ServersCollection.Name)]
public sealed class PersonalDataReadsChainTests(PropertyService service, ITestOutputHelper output)
    : AuditChainTestBase<PropertyService, PropertyDbContext>(service, output), IClassFixture<PropertyService>
{
    private static int _parcel;

    protected override string VerifyPath => $"/api/properties/audit/verify?trail={PropertyDbContext.PersonalDataReadsTable}";

    protected override string Table => PropertyDbContext.PersonalDataReadsTable;

    protected override string EditableColumn => "query";

    protected override bool IdIsIdentity => true;

    protected override string InsertEntrySql =>
        $"INSERT INTO {Table} (actor, read_at, kind, renovation_code, query) VALUES ('user:test', now(), 'OwnershipCheck', @key, @note)";

    /// <summary>A property registered, then read by a registrar (the read recorded by EF).</summary>
    protected override async Task<object> StartHistoryAsync()
    {
        var code = $"14-7-4-{Interlocked.Increment(ref _parcel)}-0-0-0";
        using var registrar = Service.CreateClient(TestTokens.Registrar());
        await (await registrar.RegisterAsync(Requests.Registration(code, 14, Requests.Owner(NationalIds.Next(), "مریم احمدی", 6)))).AssertJsonAsync(HttpStatusCode.Created);
        await (await registrar.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        return code;
    }

    [Fact]
    public async Task The_answer_lists_both_trails_and_an_unknown_trail_is_a_validation_problem()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());

        var report = await (await admin.GetAsync("/api/properties/audit/verify")).AssertJsonAsync(HttpStatusCode.OK);
        var errors = await (await admin.GetAsync("/api/properties/audit/verify?trail=owners")).AssertValidationProblemAsync();

        Assert.Equal(PropertyDbContext.HistoryTable, report.GetProperty("trail").GetString());
        Assert.Equal([PropertyDbContext.HistoryTable, Table], report.GetProperty("trails").EnumerateArray().Select(t => t.GetString()));
        Assert.True(errors.TryGetProperty("trail", out _));
    }

    protected override async Task ExecuteAsServiceAsync(string sql)
    {
        using var scope = Service.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PropertyDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}
