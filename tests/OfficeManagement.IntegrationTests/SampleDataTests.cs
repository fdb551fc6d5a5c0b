using System.Net;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>The Development sample data really lands in PostgreSQL (every other test class runs with it off).</summary>
[Collection(ServersCollection.Name)]
public sealed class SampleDataTests(SampleDataTests.SeededService service) : IClassFixture<SampleDataTests.SeededService>
{
    public sealed class SeededService(ServerFixture servers) : OfficeManagementService(servers)
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["SampleData:Enabled"] = "true";
        }
    }

    [Fact]
    public async Task Development_start_up_seeds_offices_in_every_district_once()
    {
        await Eventually.UntilAsync(
            async () => await service.CountAsync("SELECT count(*) FROM offices") > 0,
            TimeSpan.FromSeconds(30),
            "the sample offices");

        Assert.Equal(22, await service.CountAsync("SELECT count(DISTINCT district) FROM offices"));
        Assert.True(await service.CountAsync("SELECT count(*) FROM offices WHERE status = 'Pilot'") > 0);
        Assert.True(await service.CountAsync("SELECT count(*) FROM qualification_attempts WHERE NOT passed") > 0);

        using var admin = service.CreateClient(TestTokens.Admin());
        var page = await (await admin.GetAsync("/api/offices?district=22")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
    }
}
