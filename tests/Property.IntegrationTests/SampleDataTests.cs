using System.Diagnostics;
using System.Net;
using CityEServices.Contracts.Security;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>The Development sample, written in the background into a real database and readable through the API.</summary>
[Collection(ServersCollection.Name)]
public sealed class SampleDataTests : ServiceTest<SampleDataTests.SeededService>, IClassFixture<SampleDataTests.SeededService>
{

    public SampleDataTests(SeededService service, ITestOutputHelper output)
        : base(service, output)
    {
    }


    /// <summary>The service as the AppHost runs it in Development: sample data on.</summary>
    public sealed class SeededService(ServerFixture servers) : PropertyService(servers)
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["SampleData:Enabled"] = "true";
        }
    }

    [Fact]
    public async Task A_few_hundred_sample_properties_appear_shortly_after_start_and_read_like_any_other()
    {
        var watch = Stopwatch.StartNew();
        await Eventually.UntilAsync(async () => await Service.CountAsync("SELECT count(*) FROM properties WHERE registered_by = 'system:property'") == 300,
            TimeSpan.FromSeconds(30), "300 sample properties");
        Service.Log.Write($"sample present {watch.ElapsedMilliseconds} ms after the test started");

        // Wholly owned: the exact shares of every property sum to six (checked in exact arithmetic).
        Assert.Equal(0, await Service.CountAsync("""
            SELECT count(*) FROM (
              SELECT renovation_code, sum(share_numerator::numeric / share_denominator) AS total
              FROM property_owners WHERE valid_to IS NULL GROUP BY renovation_code) t
            WHERE abs(total - 6) > 0.000000001
            """));
        Assert.True(await Service.CountAsync("SELECT count(DISTINCT district) FROM properties") >= 6);

        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var page = await (await client.GetAsync($"{Requests.PropertiesPath}?district=6&q=تهران&pageSize=5")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(page.GetProperty("total").GetInt32() > 5);
        var code = page.GetProperty("items")[0].GetProperty("renovationCode").GetString()!;
        var history = await (await client.GetAsync($"{Requests.PropertiesPath}/{code}/history")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Registered", history.GetProperty("items")[0].GetProperty("kind").GetString());
    }
}
