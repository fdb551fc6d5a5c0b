using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>The request transitions' hash chain (the tests themselves are in <see cref="AuditChainTestBase{TService, TEntryPoint}"/>).</summary>
[Collection(ServersCollection.Name)]
public sealed class AuditChainTests(WorkflowService service, ITestOutputHelper output)
    : AuditChainTestBase<WorkflowService, UrbanPlanningDbContext>(service, output), IClassFixture<WorkflowService>
{
    protected override string VerifyPath => "/api/urban-planning/audit/verify";

    protected override string Table => UrbanPlanningDbContext.TransitionsTable;

    protected override bool IdIsIdentity => true;

    protected override string InsertEntrySql =>
        $"INSERT INTO {Table} (request_id, from_status, to_status, actor, at, note) VALUES (@key, 'UnderReview', 'UnderReview', 'user:test', now(), @note)";

    /// <summary>A request submitted and reviewed through the service (transitions written by EF).</summary>
    protected override async Task<object> StartHistoryAsync()
    {
        var file = await Service.OpenFileAsync(district: 7, office: "OFC07");
        var id = await Service.SubmittedRequestAsync(file);
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(7));
        (await Service.ActAsync(reviewer, id, new { action = "review", note = "Looking at it." })).EnsureSuccessStatusCode();
        return Guid.Parse(id);
    }

    protected override async Task ExecuteAsServiceAsync(string sql)
    {
        using var scope = Service.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UrbanPlanningDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}
