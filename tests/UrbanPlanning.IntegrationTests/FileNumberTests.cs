using System.Net;
using System.Globalization;
using Npgsql;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// File numbers are audited for gaps: per district they run 1, 2, 3… with none missing and none
/// repeated, however many counters open files at the same moment.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FileNumberTests(UrbanPlanningService service, ITestOutputHelper output) : ServiceTest<UrbanPlanningService>(service, output), IClassFixture<UrbanPlanningService>
{
    private const string OperatorNationalId = "1583250689";

    [Fact]
    public async Task Forty_concurrent_openings_in_one_district_get_numbers_1_to_40_without_gaps_or_duplicates()
    {
        const int count = 40;
        const string applicant = "0076229645";
        var codes = Enumerable.Range(1, count).Select(i => $"7-2-{i}-1-0-0-0").ToList();
        foreach (var code in codes)
        {
            Service.Properties.Register(code, 7, applicant);
        }

        using var client = Service.CreateClient(TestTokens.Operator("OFC7", OperatorNationalId));
        using var start = new SemaphoreSlim(0, count);
        var openings = codes.Select(async code =>
        {
            await start.WaitAsync();
            using var response = await client.OpenFileAsync(code, applicant, "OFC7");
            var body = await response.AssertJsonAsync(HttpStatusCode.Created);
            return (Code: code, FileNumber: body.GetProperty("fileNumber").GetString()!, TrackingCode: body.GetProperty("trackingCode").GetString()!);
        }).ToList();
        start.Release(count);

        var opened = await Eventually.WithinAsync(Task.WhenAll(openings), TimeSpan.FromSeconds(60), $"{count} concurrent openings");

        var expected = Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"07{i:000000000}"));
        Assert.Equal(expected, opened.Select(o => o.FileNumber).Order(StringComparer.Ordinal));
        Assert.Equal(count, opened.Select(o => o.TrackingCode).Distinct().Count());
        Assert.Equal(count, await Service.CountAsync("SELECT count(*) FROM files WHERE district = 7"));
        Assert.Equal(count, await Service.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'district' = '7'"));
        Assert.Equal(count, await Service.CountAsync("SELECT last_value FROM file_number_sequences WHERE district = 7"));
        // Each file got the number its own response announced.
        foreach (var (code, fileNumber, _) in opened)
        {
            Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM files WHERE file_number = @n AND renovation_code = @c", ("n", fileNumber), ("c", code)));
        }
    }

    [Fact]
    public async Task A_refused_duplicate_gives_its_number_back_and_districts_count_separately()
    {
        const string applicant = "0076229645";
        Service.Properties.Register("8-1-1-1-0-0-0", 8, applicant);
        Service.Properties.Register("8-1-1-2-0-0-0", 8, applicant);
        Service.Properties.Register("9-1-1-1-0-0-0", 9, applicant);
        using var client = Service.CreateClient(TestTokens.Operator("OFC8", OperatorNationalId));

        Assert.Equal("08000000001", await OpenAsync(client, "8-1-1-1-0-0-0", applicant));
        // The duplicate finds the file before it takes a number.
        using (var duplicate = await client.OpenFileAsync("8-1-1-1-0-0-0", applicant, "OFC8"))
        {
            Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        }

        Assert.Equal("09000000001", await OpenAsync(client, "9-1-1-1-0-0-0", applicant));
        Assert.Equal("08000000002", await OpenAsync(client, "8-1-1-2-0-0-0", applicant));
    }

    [Fact]
    public async Task Eight_concurrent_openings_of_one_property_open_one_file_and_refuse_the_rest_with_its_number()
    {
        // Each opening looks for the property's file before it takes its district's lock, so most of these
        // look before any has committed; the renovation-code index is what refuses all but one.
        const int count = 8;
        const string applicant = "0076229645";
        Service.Properties.Register("6-1-1-1-0-0-0", 6, applicant);
        using var client = Service.CreateClient(TestTokens.Operator("OFC6", OperatorNationalId));
        using var start = new SemaphoreSlim(0, count);
        var openings = Enumerable.Range(0, count).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await client.OpenFileAsync("6-1-1-1-0-0-0", applicant, "OFC6");
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, FileNumber: System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("fileNumber").GetString());
        }).ToList();
        start.Release(count);

        var answers = await Eventually.WithinAsync(Task.WhenAll(openings), TimeSpan.FromSeconds(60), $"{count} concurrent openings of one property");

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(count - 1, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.All(answers, a => Assert.Equal("06000000001", a.FileNumber));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM files WHERE renovation_code = '6-1-1-1-0-0-0'"));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'district' = '6'"));
        // The refused ones gave their numbers back: the next file of the district is the second.
        Service.Properties.Register("6-1-1-2-0-0-0", 6, applicant);
        using var next = await client.OpenFileAsync("6-1-1-2-0-0-0", applicant, "OFC6");
        Assert.Equal("06000000002", (await next.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("fileNumber").GetString());
    }

    [Fact]
    public async Task An_opening_racing_another_for_the_districts_next_number_takes_the_one_after_and_leaves_nothing_behind()
    {
        // A competitor holds the district's counter, its next number taken and its file written, uncommitted;
        // the opening meets that row and waits; then the competitor commits. The opening must take the number
        // after the competitor's: not fail, not repeat it, not leave a gap.
        const string applicant = "0076229645";
        Service.Properties.Register("4-1-1-1-0-0-0", 4, applicant);
        Service.Properties.Register("4-1-1-3-0-0-0", 4, applicant);
        using var client = Service.CreateClient(TestTokens.Operator("OFC4", OperatorNationalId));
        Assert.Equal("04000000001", await OpenAsync(client, "4-1-1-1-0-0-0", applicant, "OFC4"));

        await using var competitor = Service.OpenDatabase();
        await using var transaction = await competitor.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand(
            """
            UPDATE file_number_sequences SET last_value = 2 WHERE district = 4;
            INSERT INTO files SELECT (jsonb_populate_record(NULL::files, to_jsonb(f) || jsonb_build_object(
                'file_number', '04000000002', 'renovation_code', '4-1-1-2-0-0-0', 'tracking_code', 'COMPETITOR01'))).*
            FROM files f WHERE file_number = '04000000001';
            """, competitor, transaction))
        {
            await take.ExecuteNonQueryAsync();
        }

        var opening = client.OpenFileAsync("4-1-1-3-0-0-0", applicant, "OFC4");
        await Eventually.UntilAsync(
            async () => await Service.CountAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%file_number_sequences%' AND datname = current_database()") > 0,
            TimeSpan.FromSeconds(30),
            "the opening waits on the counter the competitor holds");
        await transaction.CommitAsync();

        using var response = await Eventually.WithinAsync(opening, TimeSpan.FromSeconds(30), "the opening after the competitor committed");
        Assert.Equal("04000000003", (await response.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("fileNumber").GetString());
        Assert.Equal(3, await Service.CountAsync("SELECT last_value FROM file_number_sequences WHERE district = 4"));
        Assert.Equal(3, await Service.CountAsync("SELECT count(*) FROM files WHERE district = 4"));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM files WHERE renovation_code = '4-1-1-3-0-0-0' AND file_number = '04000000003'"));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'renovationCode' = '4-1-1-3-0-0-0'"));
    }

    private static async Task<string> OpenAsync(HttpClient client, string code, string applicant, string office = "OFC8")
    {
        using var response = await client.OpenFileAsync(code, applicant, office);
        return (await response.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("fileNumber").GetString()!;
    }
}
