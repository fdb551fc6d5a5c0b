using System.Net;
using System.Net.Http.Json;
using CityEServices.Identity.Data;
using CityEServices.Identity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>The account changes' hash chain (the tests themselves are in <see cref="AuditChainTestBase{TService, TEntryPoint}"/>).</summary>
[Collection(ServersCollection.Name)]
public sealed class AuditChainTests(IdentityService identity, ITestOutputHelper output)
    : AuditChainTestBase<IdentityService, IdentityDbContext>(identity, output), IClassFixture<IdentityService>
{
    private const string Password = "Staff-Passw0rd1";

    protected override string VerifyPath => "/api/identity/audit/verify";

    protected override string Table => IdentityDbContext.AccountChangesTable;

    protected override string EditableColumn => "reason";

    protected override bool IdIsIdentity => true;

    protected override string InsertEntrySql =>
        $"INSERT INTO {Table} (account, action, actor, at, reason, details) VALUES (@key, 'Reactivated', 'user:test', now(), @note, jsonb_build_object('step', @step, 'نام', 'آزمون'))";

    protected override Task<HttpClient> AdminClientAsync() => Service.AdminAsync();

    /// <summary>Identity issues its own tokens: a registrar signs in with a password.</summary>
    protected override async Task<HttpClient> NonAdminClientAsync()
    {
        var registrar = "auditreg" + Guid.NewGuid().ToString("N")[..8];
        await Service.CreateUserAsync(new { userName = registrar, password = Password, roles = new[] { "registrar" } });
        return Service.CreateClient(await Service.AccessTokenAsync(registrar, Password));
    }

    /// <summary>A user created and deactivated through the service (account changes written by EF).</summary>
    protected override async Task<object> StartHistoryAsync()
    {
        var userName = "audit" + Guid.NewGuid().ToString("N")[..8];
        await Service.CreateUserAsync(new { userName, password = Password, roles = new[] { "registrar" } });
        using (var admin = await Service.AdminAsync())
        {
            using var deactivated = await admin.PostAsJsonAsync($"/api/identity/users/{userName}/deactivate", new { reason = "Left the municipality" });
            await deactivated.AssertJsonAsync(HttpStatusCode.OK);
        }

        return $"user:{userName}";
    }

    protected override async Task ExecuteAsServiceAsync(string sql)
    {
        using var scope = Service.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}
