using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Events;
using CityEServices.Iran;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using static CityEServices.OfficeManagement.IntegrationTests.Infrastructure.RequestEvents;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>
/// The open performance data, read anonymously (no token at all) from request records folded by the real
/// consumers. Each test uses its own Solar Hijri months, so its figures and cached answers are its own.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class OpenDataTests(OfficeManagementService service, ITestOutputHelper output) : ServiceTest<OfficeManagementService>(service, output), IClassFixture<OfficeManagementService>
{
    private const string Path = "/api/open-data/performance";

    private static readonly PersianCalendar Persian = new();

    [Fact]
    public async Task Figures_match_the_raw_rows_and_small_groups_are_suppressed_whatever_the_grouping()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        foreach (var (code, district) in new[] { ("ODA1", 4), ("ODA2", 4), ("ODA3", 11), ("ODA4", 11) })
        {
            await (await admin.CreateOfficeAsync(code, district)).AssertJsonAsync(HttpStatusCode.Created);
        }

        // 1404/07/01 is a Tuesday; 07/03 a Thursday, 07/04 a Friday. ODA1: six permits.
        var events = new List<IntegrationEvent>();
        events.AddRange(Issued("ODA1", ServiceTypes.BuildingPermit, Tehran(1404, 7, 1, 9), TimeSpan.FromHours(6)));   // 0.25 working days
        events.AddRange(Issued("ODA1", ServiceTypes.BuildingPermit, Tehran(1404, 7, 1, 9), TimeSpan.FromHours(12)));  // 0.5
        events.AddRange(Issued("ODA1", ServiceTypes.BuildingPermit, Tehran(1404, 7, 3, 12), TimeSpan.FromDays(2)));   // 1: Friday does not count
        events.AddRange(Issued("ODA1", ServiceTypes.BuildingPermit, Tehran(1404, 7, 1, 9), TimeSpan.FromHours(18)));  // 0.75
        events.AddRange(Issued("ODA1", ServiceTypes.BuildingPermit, Tehran(1404, 7, 1, 9), TimeSpan.FromHours(24), returnedForMissingDocuments: true)); // 1
        // Half an hour into the month in Tehran (still 1404/06 in UTC): in the range. Breached, never issued.
        var breached = Guid.NewGuid();
        events.Add(Submitted(breached, "ODA1", ServiceTypes.BuildingPermit, Tehran(1404, 7, 1, 0, 30)));
        events.Add(Changed(breached, "ODA1", ServiceTypes.BuildingPermit, "Submitted", "UnderReview", Tehran(1404, 7, 20, 9), slaBreached: true));
        // Outside the range on either side.
        events.Add(Submitted(Guid.NewGuid(), "ODA1", ServiceTypes.BuildingPermit, Tehran(1404, 6, 31, 23, 30)));
        events.Add(Submitted(Guid.NewGuid(), "ODA1", ServiceTypes.BuildingPermit, Tehran(1404, 8, 1, 0, 30)));
        // ODA2: three urban files; ODA3: three permits (one issued) and two urban files; ODA4: one permit.
        for (var i = 0; i < 3; i++)
        {
            events.Add(Submitted(Guid.NewGuid(), "ODA2", ServiceTypes.UrbanFile, Tehran(1404, 7, 5 + i, 10)));
        }

        events.AddRange(Issued("ODA3", ServiceTypes.BuildingPermit, Tehran(1404, 7, 1, 9), TimeSpan.FromHours(6)));
        events.Add(Submitted(Guid.NewGuid(), "ODA3", ServiceTypes.BuildingPermit, Tehran(1404, 7, 9, 10)));
        events.Add(Submitted(Guid.NewGuid(), "ODA3", ServiceTypes.BuildingPermit, Tehran(1404, 7, 9, 11)));
        events.Add(Submitted(Guid.NewGuid(), "ODA3", ServiceTypes.UrbanFile, Tehran(1404, 7, 10, 10)));
        events.Add(Submitted(Guid.NewGuid(), "ODA3", ServiceTypes.UrbanFile, Tehran(1404, 7, 10, 11)));
        events.Add(Submitted(Guid.NewGuid(), "ODA4", ServiceTypes.BuildingPermit, Tehran(1404, 7, 12, 10)));
        await PublishAndWaitAsync(events);

        // No token at all, as a citizen's browser would ask.
        using var anonymous = Service.CreateClient();
        var response = await anonymous.GetAsync($"{Path}?from=1404/07&to=1404/07&groupBy=office");
        var byOffice = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.Contains("Accept", response.Headers.Vary);

        // The whole range against counts made from the raw rows.
        var start = Tehran(1404, 7, 1, 0);
        var end = Tehran(1404, 8, 1, 0);
        var total = byOffice.GetProperty("total");
        Assert.False(total.GetProperty("suppressed").GetBoolean());
        Assert.Equal(15, total.GetProperty("requests").GetInt32());
        Assert.Equal(await RawCountAsync("true", start, end), total.GetProperty("requests").GetInt64());
        Assert.Equal(await RawCountAsync("issued_at IS NOT NULL", start, end), total.GetProperty("issued").GetInt64());
        Assert.Equal(Math.Round(await RawCountAsync("NOT sla_breached", start, end) / 15m, 4), total.GetProperty("slaCompliance").GetDecimal());
        Assert.Equal(Math.Round(await RawCountAsync("NOT returned_for_missing_documents", start, end) / 15m, 4), total.GetProperty("firstTimeRightRate").GetDecimal());
        // Turnarounds 0.25, 0.25, 0.5, 0.75, 1, 1 working days: the median 0.625, published to two decimals.
        Assert.Equal(0.63, total.GetProperty("medianTurnaroundWorkingDays").GetDouble());
        Assert.Equal(1.0, total.GetProperty("p90TurnaroundWorkingDays").GetDouble());
        // Six paid requests, counted once each although every later move repeats the fee.
        Assert.Equal(6 * Fee, total.GetProperty("feesCollectedRial").GetDecimal());
        Assert.Equal(await Service.CountAsync("SELECT coalesce(sum(fee_paid_rial), 0)::bigint FROM request_records WHERE submitted_at >= @start AND submitted_at < @end", ("start", start), ("end", end)), total.GetProperty("feesCollectedRial").GetInt64());

        // ODA2 (3) and ODA4 (1) are below 5; together still below 5, so the next smallest (ODA3, 5) goes too.
        var offices = Rows(byOffice);
        Assert.Equal(["ODA1", "ODA2", "ODA3", "ODA4"], offices.Keys);
        var oda1 = offices["ODA1"];
        Assert.False(oda1.GetProperty("suppressed").GetBoolean());
        Assert.Equal(6, oda1.GetProperty("requests").GetInt32());
        Assert.Equal(5, oda1.GetProperty("issued").GetInt32());
        Assert.Equal(0.75, oda1.GetProperty("medianTurnaroundWorkingDays").GetDouble());
        // Were Friday counted, the Thursday permit would take 2 days and p90 would be 1.6.
        Assert.Equal(1.0, oda1.GetProperty("p90TurnaroundWorkingDays").GetDouble());
        Assert.Equal(0.8333m, oda1.GetProperty("slaCompliance").GetDecimal());
        Assert.Equal(0.8333m, oda1.GetProperty("firstTimeRightRate").GetDecimal());
        Assert.Equal(5 * Fee, oda1.GetProperty("feesCollectedRial").GetDecimal());
        foreach (var code in new[] { "ODA2", "ODA3", "ODA4" })
        {
            AssertSuppressed(offices[code]);
        }

        var byDistrict = Rows(await (await anonymous.GetAsync($"{Path}?from=1404/07&to=1404/07&groupBy=district")).AssertJsonAsync(HttpStatusCode.OK));
        Assert.Equal(["4", "11"], byDistrict.Keys);
        Assert.Equal(9, byDistrict["4"].GetProperty("requests").GetInt32());
        Assert.Equal(6, byDistrict["11"].GetProperty("requests").GetInt32());
        Assert.Equal(1, byDistrict["11"].GetProperty("issued").GetInt32());
        Assert.Equal(
            await RawCountAsync("office_code IN ('ODA1', 'ODA2') AND issued_at IS NOT NULL", start, end),
            byDistrict["4"].GetProperty("issued").GetInt64());

        var byType = Rows(await (await anonymous.GetAsync($"{Path}?from=1404/07&to=1404/07&groupBy=serviceType")).AssertJsonAsync(HttpStatusCode.OK));
        Assert.Equal([ServiceTypes.BuildingPermit, ServiceTypes.UrbanFile], byType.Keys);
        Assert.Equal(10, byType[ServiceTypes.BuildingPermit].GetProperty("requests").GetInt32());
        Assert.Equal(await RawCountAsync($"service_type = '{ServiceTypes.UrbanFile}'", start, end), byType[ServiceTypes.UrbanFile].GetProperty("requests").GetInt64());
        Assert.Equal("پروانه ساختمانی", byType[ServiceTypes.BuildingPermit].GetProperty("name").GetString());

        // A range of two months takes the next month's request in too.
        var twoMonths = await (await anonymous.GetAsync($"{Path}?from=1404/07&to=1404/08")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(16, twoMonths.GetProperty("total").GetProperty("requests").GetInt32());
        Assert.Equal("office", twoMonths.GetProperty("groupBy").GetString());
    }

    [Fact]
    public async Task Csv_by_Accept_small_ranges_suppressed_and_the_answer_is_cached()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        await (await admin.CreateOfficeAsync("ODB1", 7, "دفتر \"مرکزی\", شمیران")).AssertJsonAsync(HttpStatusCode.Created);
        var events = new List<IntegrationEvent>();
        // Half a working day each; 1404/09/03 is a holiday and is left out.
        foreach (var day in new[] { 1, 2, 4, 5, 6 })
        {
            events.AddRange(Issued("ODB1", ServiceTypes.UrbanFile, Tehran(1404, 9, day, 9), TimeSpan.FromHours(12)));
        }

        // 1404/10: four requests only, so even the whole range is suppressed.
        for (var i = 0; i < 4; i++)
        {
            events.Add(Submitted(Guid.NewGuid(), "ODB1", ServiceTypes.UrbanFile, Tehran(1404, 10, 6 + i, 9)));
        }

        await PublishAndWaitAsync(events);

        using var anonymous = Service.CreateClient();
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"{Path}?from=1404/09&to=1404/09&groupBy=office");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csvResponse = await anonymous.SendAsync(csvRequest);
        var csv = await csvResponse.Content.ReadAsStringAsync();
        Assert.True(csvResponse.StatusCode == HttpStatusCode.OK, csv);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=300", csvResponse.Headers.CacheControl?.ToString());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "from,to,group_by,key,name,suppressed,requests,issued,median_turnaround_working_days,p90_turnaround_working_days,sla_compliance,first_time_right_rate,fees_collected_rial",
            lines[0]);
        Assert.Equal("1404/09,1404/09,office,all,,false,5,5,0.5,0.5,1,1,15000000", lines[1]);
        // The name holds a quote and a comma (as the office API stored it): quoted, quotes doubled.
        var name = (await (await admin.GetAsync("/api/offices/ODB1")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("name").GetString()!;
        Assert.Contains('"', name);
        Assert.Equal($"1404/09,1404/09,office,ODB1,\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",false,5,5,0.5,0.5,1,1,15000000", lines[2]);
        Assert.Equal(3, lines.Length);

        var small = await (await anonymous.GetAsync($"{Path}?from=1404/10&to=1404/10")).AssertJsonAsync(HttpStatusCode.OK);
        AssertSuppressed(small.GetProperty("total"));
        AssertSuppressed(Rows(small)["ODB1"]);
        using var smallCsv = new HttpRequestMessage(HttpMethod.Get, $"{Path}?from=1404/10&to=1404/10");
        smallCsv.Headers.Accept.ParseAdd("application/json;q=0.5, text/csv");
        var smallLines = (await (await anonymous.SendAsync(smallCsv)).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("1404/10,1404/10,office,all,,true,,,,,,,", smallLines[1]);

        // JSON by default; then a late event in 1404/09 does not show until the cached answer expires.
        var before = await (await anonymous.GetAsync($"{Path}?from=1404/09&to=1404/09&groupBy=office")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, before.GetProperty("total").GetProperty("requests").GetInt32());
        await PublishAndWaitAsync([Submitted(Guid.NewGuid(), "ODB1", ServiceTypes.UrbanFile, Tehran(1404, 9, 20, 9))]);
        Assert.Equal(6, await RawCountAsync("true", Tehran(1404, 9, 1, 0), Tehran(1404, 10, 1, 0)));
        var after = await (await anonymous.GetAsync($"{Path}?from=1404/09&to=1404/09&groupBy=office")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, after.GetProperty("total").GetProperty("requests").GetInt32());
        Assert.Equal(before.GetProperty("generatedAt").GetProperty("utc").GetString(), after.GetProperty("generatedAt").GetProperty("utc").GetString());

        // Shared with the other replicas through Redis, under this deployment's prefix.
        var redis = Service.Factory.Services.GetRequiredService<IConnectionMultiplexer>();
        await Eventually.UntilAsync(
            () => redis.GetDatabase().KeyExistsAsync($"{Service.Database}:open-data:v2:performance:1404/09:1404/09:office"),
            TimeSpan.FromSeconds(10),
            "the answer stored in Redis");
    }

    [Theory]
    [InlineData("from=1404/09&to=1404/01", "to")]
    [InlineData("from=1403/01&to=1405/01", "to")]
    [InlineData("from=1404/13&to=1404/09", "from")]
    [InlineData("from=1404-01&to=1404/09", "from")]
    [InlineData("from=1404/01", "to")]
    [InlineData("to=1404/01", "from")]
    [InlineData("from=1404/01&to=1404/02&groupBy=street", "groupBy")]
    public async Task A_bad_range_or_grouping_is_a_400_naming_the_field(string query, string field)
    {
        using var anonymous = Service.CreateClient();
        var errors = await (await anonymous.GetAsync($"{Path}?{query}")).AssertValidationProblemAsync();
        Assert.True(errors.TryGetProperty(field, out _), $"no error for {field} in {errors}");
    }

    [Fact]
    public async Task Twenty_four_months_is_the_longest_range_and_a_token_is_not_needed_but_accepted()
    {
        using var anonymous = Service.CreateClient();
        var longest = await (await anonymous.GetAsync($"{Path}?from=1401/01&to=1402/12&groupBy=district")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("1401/01", longest.GetProperty("from").GetString());
        AssertSuppressed(longest.GetProperty("total"));
        Assert.Empty(longest.GetProperty("groups").EnumerateArray());

        // Persian digits are read as the same month; an integrator with no scope for it reaches it too.
        using var integrator = Service.CreateClient(TestTokens.Integrator());
        var persian = await (await integrator.GetAsync($"{Path}?from=۱۴۰۱/۰۱&to=۱۴۰۱/۰۲")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("1401/02", persian.GetProperty("to").GetString());
    }

    [Fact]
    public async Task The_API_document_offers_JSON_and_CSV()
    {
        using var anonymous = Service.CreateClient();
        var document = await (await anonymous.GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);
        var get = document.GetProperty("paths").GetProperty(Path).GetProperty("get");
        var content = get.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _), content.ToString());
        Assert.True(content.TryGetProperty("text/csv", out _), content.ToString());
    }

    private static void AssertSuppressed(JsonElement row)
    {
        Assert.True(row.GetProperty("suppressed").GetBoolean(), row.ToString());
        foreach (var figure in new[] { "requests", "issued", "medianTurnaroundWorkingDays", "p90TurnaroundWorkingDays", "slaCompliance", "firstTimeRightRate", "feesCollectedRial" })
        {
            Assert.Equal(JsonValueKind.Null, row.GetProperty(figure).ValueKind);
        }
    }

    private static Dictionary<string, JsonElement> Rows(JsonElement report) =>
        report.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);

    private Task<long> RawCountAsync(string condition, DateTimeOffset start, DateTimeOffset end) =>
        Service.CountAsync($"SELECT count(*) FROM request_records WHERE submitted_at >= @start AND submitted_at < @end AND {condition}", ("start", start), ("end", end));

    /// <summary>
    /// Publishes the events and waits until the inbox holds them all: each is recorded there in the
    /// transaction that folds it, and this class's database is its own. (Waiting on MassTransit's
    /// process-wide consume meter, as ScorecardTests does, missed these consumes when the whole
    /// assembly ran.)
    /// </summary>
    private async Task PublishAndWaitAsync(IReadOnlyList<IntegrationEvent> events)
    {
        var before = await Service.CountAsync("SELECT count(*) FROM inbox_messages");
        var bus = Service.Factory.Services.GetRequiredService<IBus>();
        foreach (var message in events)
        {
            await bus.Publish(message, message.GetType());
        }

        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM inbox_messages") >= before + events.Count,
            TimeSpan.FromSeconds(30),
            $"{events.Count} events folded");
    }

    /// <summary>A Tehran wall-clock time on a Solar Hijri date, as an instant.</summary>
    private static DateTimeOffset Tehran(int year, int month, int day, int hour, int minute = 0)
    {
        var local = Persian.ToDateTime(year, month, day, hour, minute, 0, 0);
        return new DateTimeOffset(local, SolarHijri.Tehran.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>A request submitted, paid the fee every issued request here pays, then issued.</summary>
    private static IEnumerable<IntegrationEvent> Issued(string office, string type, DateTimeOffset submitted, TimeSpan after, bool returnedForMissingDocuments = false)
    {
        var request = Guid.NewGuid();
        yield return Submitted(request, office, type, submitted);
        if (returnedForMissingDocuments)
        {
            yield return Changed(request, office, type, "UnderReview", "Returned", submitted.AddMinutes(30), ReturnReasons.MissingDocuments);
        }

        yield return Changed(request, office, type, "FeeAssessed", "Paid", submitted + (after / 2), feeRial: Fee);
        yield return Changed(request, office, type, "Paid", "Issued", submitted + after, feeRial: Fee);
    }

    private const decimal Fee = 3_000_000m;
}
