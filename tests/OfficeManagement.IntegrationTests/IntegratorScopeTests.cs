using System.Net;
using CityEServices.Contracts.Security;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>Integrator clients read the public service-type catalogue, whatever they were granted, and nothing about offices or staff.</summary>
[Collection(ServersCollection.Name)]
public sealed class IntegratorScopeTests(OfficeManagementService service, ITestOutputHelper output) : ServiceTest<OfficeManagementService>(service, output), IClassFixture<OfficeManagementService>
{
    [Fact]
    public async Task A_client_granted_nothing_reads_the_service_type_catalogue()
    {
        using var client = Service.CreateClient(TestTokens.Integrator("catalogue-reader"));

        using var response = await client.GetAsync("/api/service-types");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/staff/0012345679", "insufficient_scope")]
    [InlineData("/api/staff/0012345679/qualifications", "insufficient_scope")]
    [InlineData("/api/offices/OFC1/scorecard", "RoleNotAllowed")]
    public async Task A_client_granted_every_scope_reads_no_staff_or_office_record(string path, string reason)
    {
        using var client = Service.CreateClient(TestTokens.Integrator("greedy", [.. Scopes.All]));

        using var response = await client.GetAsync(path);

        var problem = await response.AssertJsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
    }
}
