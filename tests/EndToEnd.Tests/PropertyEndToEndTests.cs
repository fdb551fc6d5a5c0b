using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using Xunit;
using Xunit.Abstractions;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// The property registry through the gateway of the running city: what issue 3's "done" names —
/// register 4 + 2 dang and read it back, 4 + 1.5 refused naming the field, Persian digits accepted and
/// read back in ASCII, a 1-dang transfer visible in the owners and the history with asOf showing the
/// owners before — plus search, the legal hold and the read benchmark against the same stack.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class PropertyEndToEndTests(CityStackFixture stack, ITestOutputHelper output)
{
    private static int _parcel = Random.Shared.Next(100, 900);

    private static string NextCode(int district) => $"{district}-7-{Interlocked.Increment(ref _parcel)}-3-0-0-0";

    private static object Registration(string code, int district, params object[] owners) => new
    {
        renovationCode = code,
        registrationPlate = new { section = 11, main = 4521, sub = 17 },
        district,
        address = "تهران، خیابان کارگر شمالی، کوچه گلستان، پلاک ۸",
        postalCode = "1439813141",
        landAreaM2 = 312.5m,
        buildingAreaM2 = 780m,
        floors = 3,
        usage = "Residential",
        owners,
    };

    private static Dictionary<string, string> Shares(JsonNode property) =>
        property["owners"]!.AsArray().ToDictionary(o => o!["partyId"]!.GetValue<string>(), o => o!["shareFraction"]!.GetValue<string>());

    private async Task<string> AdminAsync() => await stack.Gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);

    [Fact]
    public async Task Four_and_two_dang_register_and_read_back_and_a_one_dang_transfer_shows_in_owners_history_and_asOf()
    {
        var gateway = stack.Gateway;
        var admin = await AdminAsync();
        var code = NextCode(4);
        var maryam = NationalIds.Next();
        var reza = NationalIds.Next();
        var neda = NationalIds.Next();

        var created = await gateway.PostAsJsonAsync("/api/properties", Registration(code, 4,
            new { partyType = "Person", nationalId = maryam, fullName = "مریم احمدی", shareDang = 4 },
            new { partyType = "Person", nationalId = reza, fullName = "رضا کریمی", shareDang = 2 }), admin).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(new Dictionary<string, string> { [maryam] = "4", [reza] = "2" }, Shares(created));

        var read = await gateway.GetAsync($"/api/properties/{code}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(new Dictionary<string, string> { [maryam] = "4", [reza] = "2" }, Shares(read));
        Assert.Equal(4, read["owners"]![0]!["shareDang"]!.GetValue<int>());
        Assert.Equal(4521, read["registrationPlate"]!["main"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(read["registeredAt"]!["jalali"]!.GetValue<string>()));

        var transfer = await gateway.PostAsJsonAsync($"/api/properties/{code}/transfers", new
        {
            sellerNationalId = maryam,
            buyer = new { partyType = "Person", nationalId = neda, fullName = "ندا رحیمی" },
            shareDang = 1,
        }, admin).ExpectAsync(HttpStatusCode.Created);
        var at = DateTimeOffset.Parse(transfer["at"]!["utc"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        var after = await gateway.GetAsync($"/api/properties/{code}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(new Dictionary<string, string> { [maryam] = "3", [reza] = "2", [neda] = "1" }, Shares(after));

        var history = await gateway.GetAsync($"/api/properties/{code}/history", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, history["total"]!.GetValue<int>());
        var entries = history["items"]!.AsArray();
        Assert.Equal(["Registered", "Transferred"], entries.Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal((maryam, neda, "1"), (entries[1]!["fromPartyId"]!.GetValue<string>(), entries[1]!["toPartyId"]!.GetValue<string>(), entries[1]!["shareFraction"]!.GetValue<string>()));

        var momentBefore = Uri.EscapeDataString(at.AddMilliseconds(-1).ToString("O"));
        var before = await gateway.GetAsync($"/api/properties/{code}?asOf={momentBefore}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(new Dictionary<string, string> { [maryam] = "4", [reza] = "2" }, Shares(before));
    }

    [Fact]
    public async Task Four_and_one_and_a_half_dang_is_refused_with_a_400_naming_the_field_and_nothing_is_registered()
    {
        var admin = await AdminAsync();
        var code = NextCode(4);

        var problem = await stack.Gateway.PostAsJsonAsync("/api/properties", Registration(code, 4,
            new { nationalId = NationalIds.Next(), fullName = "مریم احمدی", shareDang = 4 },
            new { nationalId = NationalIds.Next(), fullName = "رضا کریمی", shareDang = 1.5m }), admin).ExpectAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["owners"], errors.Select(e => e.Key));
        Assert.Contains("5.5", errors["owners"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await stack.Gateway.GetAsync($"/api/properties/{code}", admin).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_national_id_typed_in_Persian_digits_is_accepted_and_read_back_in_ASCII_and_found_by_search()
    {
        var admin = await AdminAsync();
        var code = NextCode(4);
        var owner = NationalIds.Next();

        var created = await stack.Gateway.PostAsJsonAsync("/api/properties", Registration(code, 4,
            new { nationalId = NationalIds.ToPersianDigits(owner), fullName = "علي كاظمي", shareDang = "۶" }), admin).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(owner, created["owners"]![0]!["nationalId"]!.GetValue<string>());

        var read = await stack.Gateway.GetAsync($"/api/properties/{code}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(owner, read["owners"]![0]!["nationalId"]!.GetValue<string>());
        Assert.Equal("علی کاظمی", read["owners"]![0]!["fullName"]!.GetValue<string>());

        // Found by the ID in Persian digits, and by the name typed with Persian letters (it was typed with Arabic ones).
        var byOwner = await stack.Gateway.GetAsync($"/api/properties?ownerNationalId={Uri.EscapeDataString(NationalIds.ToPersianDigits(owner))}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([code], byOwner["items"]!.AsArray().Select(p => p!["renovationCode"]!.GetValue<string>()));
        var byName = await stack.Gateway.GetAsync($"/api/properties?district=4&q={Uri.EscapeDataString("علی کاظمی")}&pageSize=100", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(code, byName["items"]!.AsArray().Select(p => p!["renovationCode"]!.GetValue<string>()));
        await stack.Gateway.GetAsync("/api/properties?pageSize=101", admin).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_legal_hold_blocks_a_transfer_until_it_is_cleared()
    {
        var admin = await AdminAsync();
        var code = NextCode(4);
        var seller = NationalIds.Next();
        await stack.Gateway.PostAsJsonAsync("/api/properties", Registration(code, 4,
            new { nationalId = seller, fullName = "مریم احمدی", shareDang = 6 }), admin).ExpectAsync(HttpStatusCode.Created);
        var transfer = new { sellerNationalId = seller, buyer = new { nationalId = NationalIds.Next(), fullName = "رضا کریمی" }, shareDang = "1/2" };

        using (var hold = new HttpRequestMessage(HttpMethod.Put, $"/api/properties/{code}/restrictions/legal-hold") { Content = System.Net.Http.Json.JsonContent.Create(new { reason = "حکم دادگاه" }) })
        {
            hold.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", admin);
            using var held = await stack.Gateway.SendAsync(hold);
            Assert.True((await held.ReadJsonAsync(HttpStatusCode.OK))["restrictions"]!["legalHold"]!.GetValue<bool>());
        }

        var refused = await stack.Gateway.PostAsJsonAsync($"/api/properties/{code}/transfers", transfer, admin).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("LegalHold", refused["reason"]!.GetValue<string>());

        using (var clear = new HttpRequestMessage(HttpMethod.Delete, $"/api/properties/{code}/restrictions/legal-hold?reason={Uri.EscapeDataString("رفع توقیف")}"))
        {
            clear.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", admin);
            using var cleared = await stack.Gateway.SendAsync(clear);
            await cleared.ReadJsonAsync(HttpStatusCode.OK);
        }

        await stack.Gateway.PostAsJsonAsync($"/api/properties/{code}/transfers", transfer, admin).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_read_benchmark_runs_against_the_stack_and_prints_its_lines()
    {
        var script = Path.Combine(RepositoryPaths.Root, "bench", "property-read", "run.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CITY_GATEWAY_URL"] = stack.App.GetEndpoint("gateway", "http").ToString().TrimEnd('/');
        start.Environment["CITY_PROPERTY_URL"] = stack.App.GetEndpoint("property", "http").ToString().TrimEnd('/');
        start.Environment["CITY_ADMIN_PASSWORD"] = CityStackFixture.AdminPassword;
        // Short by default to keep the suite quick; BENCH_DURATION in the test's environment overrides it.
        start.Environment["BENCH_DURATION"] = Environment.GetEnvironmentVariable("BENCH_DURATION") ?? "2s";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}");
        output.WriteLine(stdout);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1]);
        foreach (var side in new[] { "cached", "uncached" })
        {
            Assert.True(double.Parse(lines[$"property_read_{side}_requests_per_second"], System.Globalization.CultureInfo.InvariantCulture) > 0, stdout);
            Assert.Equal("0", lines[$"property_read_{side}_errors"]);
        }

        Assert.True(double.Parse(lines["property_read_cached_to_uncached_ratio"], System.Globalization.CultureInfo.InvariantCulture) > 0, stdout);
    }
}
