using System.Net;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>Search by the fields people know, with Persian-normalised titles, paged; each role sees only what it may read.</summary>
[Collection(ServersCollection.Name)]
public sealed class DocumentSearchTests(ArchiveService service, ITestOutputHelper output) : ServiceTest<ArchiveService>(service, output), IClassFixture<ArchiveService>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (await Service.CountAsync("SELECT count(*) FROM dossiers") > 0)
        {
            return;
        }

        await Service.InsertDossierAsync("11000000001", "11-1-1-1-0-0-0", 11, "OFC11");
        await Service.InsertDossierAsync("12000000001", "12-1-1-1-0-0-0", 12, "OFC12");
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        (string File, string Category, string Title)[] documents =
        [
            ("11000000001", "OWNERSHIP_DEED", "سند مالکیت کیوان"),      // Persian yeh and keheh
            ("11000000001", "SITE_PLAN", "نقشه موقعیت"),
            ("11000000001", "CORRESPONDENCE", "نامه شماره ۱۲"),
            ("12000000001", "OWNERSHIP_DEED", "سند مالكيت بهرام"),       // Arabic yeh and kaf
        ];
        foreach (var (file, category, title) in documents)
        {
            await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "s.pdf", "application/pdf", ("category", category), ("fileNumber", file), ("title", title))))
                .AssertJsonAsync(HttpStatusCode.Created);
        }

        // Archived on a day of our choosing, not today's: 12:00 in Tehran on 1404/09/08 (2025-11-29).
        await Service.ExecuteAsync("UPDATE documents SET created_at = @at", ("at", ArchivedAt));
    }

    private static readonly DateTimeOffset ArchivedAt = new(2025, 11, 29, 8, 30, 0, TimeSpan.Zero);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<System.Text.Json.JsonElement> SearchAsync(string token, string query) =>
        await (await Service.CreateClient(token).GetAsync($"{Requests.Documents}?{query}")).AssertJsonAsync(HttpStatusCode.OK);

    private static string[] Titles(System.Text.Json.JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).Order()];

    [Fact]
    public async Task Title_text_matches_whichever_yeh_and_kaf_were_typed()
    {
        var archivist = TestTokens.Create([Roles.Archivist]);

        var arabicQuery = await SearchAsync(archivist, "q=" + Uri.EscapeDataString("مالكيت"));
        var persianQuery = await SearchAsync(archivist, "q=" + Uri.EscapeDataString("مالکیت"));

        Assert.Equal(2, arabicQuery.GetProperty("total").GetInt32());
        Assert.Equal(Titles(arabicQuery), Titles(persianQuery));
        // Persian digits typed, stored as ASCII.
        Assert.Single(Titles(await SearchAsync(archivist, "q=" + Uri.EscapeDataString("12"))));
    }

    [Fact]
    public async Task Filters_combine_and_pages_carry_the_total()
    {
        var archivist = TestTokens.Create([Roles.Archivist]);

        var byCategory = await SearchAsync(archivist, "category=OWNERSHIP_DEED");
        var byFile = await SearchAsync(archivist, "fileNumber=11000000001&pageSize=2&page=2");
        var byProperty = await SearchAsync(archivist, "renovationCode=12-01-1-1-0-0-0");
        var byDistrictAndDate = await SearchAsync(archivist, "district=11&from=2025-11-29&to=2025-11-29");
        var byDistrictAndSolarDate = await SearchAsync(archivist, "district=11&from=" + Uri.EscapeDataString("۱۴۰۴/۰۹/۰۸") + "&to=1404/09/08");
        var dayBefore = await SearchAsync(archivist, "to=2025-11-28");
        var dayAfter = await SearchAsync(archivist, "from=2025-11-30");

        Assert.Equal(2, byCategory.GetProperty("total").GetInt32());
        Assert.Equal(3, byFile.GetProperty("total").GetInt32());
        Assert.Equal(2, byFile.GetProperty("page").GetInt32());
        Assert.Equal(2, byFile.GetProperty("pageSize").GetInt32());
        Assert.Single(byFile.GetProperty("items").EnumerateArray());
        Assert.Equal(["سند مالکیت بهرام"], Titles(byProperty));
        Assert.Equal(3, byDistrictAndDate.GetProperty("total").GetInt32());
        Assert.Equal(3, byDistrictAndSolarDate.GetProperty("total").GetInt32());
        Assert.Equal(0, dayBefore.GetProperty("total").GetInt32());
        Assert.Equal(0, dayAfter.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Reviewers_see_their_district_and_operators_their_office()
    {
        var reviewer = await SearchAsync(TestTokens.Reviewer(12), "category=OWNERSHIP_DEED");
        var operatorOf11 = await SearchAsync(TestTokens.Operator("ofc11", "1583250689"), "pageSize=100");

        Assert.Equal(["سند مالکیت بهرام"], Titles(reviewer));
        Assert.Equal(3, operatorOf11.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_filters_are_400_with_the_fields()
    {
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));

        var errors = await (await client.GetAsync($"{Requests.Documents}?pageSize=500&category=NOPE&renovationCode=1-2&from=yesterday&district=abc")).AssertValidationProblemAsync();

        Assert.True(errors.TryGetProperty("pageSize", out _));
        Assert.True(errors.TryGetProperty("district", out _));
        Assert.True(errors.TryGetProperty("category", out _));
        Assert.True(errors.TryGetProperty("renovationCode", out _));
        Assert.True(errors.TryGetProperty("from", out _));
    }
}
