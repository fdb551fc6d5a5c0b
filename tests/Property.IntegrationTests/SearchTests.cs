using System.Net;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// GET /api/properties against PostgreSQL: each filter, their combination, paging, and Persian
/// normalisation of free text on both sides (Arabic ي/ك typed or stored find Persian ی/ک and back).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SearchTests : IClassFixture<SearchTests.World>, IDisposable
{
    private readonly World _world;
    private readonly HttpClient _reader;

    public SearchTests(World world, ITestOutputHelper output)
    {
        _world = world;
        _world.Service.Log.Current = output;
        // Registry staff search the whole city (a reviewer only their district: see ByLawTests).
        _reader = world.Service.CreateClient(TestTokens.Create([Roles.Archivist]));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _world.Service.Log.Current = null;
    }

    /// <summary>Three properties in a database of this class's own.</summary>
    public sealed class World(ServerFixture servers) : IAsyncLifetime
    {
        public PropertyService Service { get; } = new(servers);

        public string Karimi { get; } = NationalIds.Next();

        public string Seller { get; } = NationalIds.Next();

        public string Buyer { get; } = NationalIds.Next();

        public async Task InitializeAsync()
        {
            await Service.InitializeAsync();
            using var registrar = Service.CreateClient(TestTokens.Registrar());

            // Typed with Persian letters.
            var a = Requests.Registration("5-1-1-1-0-0-0", 5, Requests.Owner(Karimi, "علی کریمی", 6));
            a["address"] = "تهران، خیابان کریمخان، کوچه یاس، پلاک ۷";
            a["postalCode"] = "1111111111";
            // Typed on an Arabic layout: stored normalised.
            var b = Requests.Registration("5-1-1-2-0-0-0", 5, Requests.Owner(Seller, "مريم شكوهي", 3), Requests.Owner(NationalIds.Next(), "رضا احمدي", 3));
            b["address"] = "تهران، خيابان شريعتي، كوچه نيلوفر";
            b["postalCode"] = "2222222222";
            var c = Requests.Registration("6-1-1-1-0-0-0", 6, Requests.Owner(NationalIds.Next(), "شرکت 50% نمونه_الف", 6));
            c["address"] = "تهران، میدان ونک";
            c["postalCode"] = "2222222222";
            foreach (var body in new[] { a, b, c })
            {
                await (await registrar.RegisterAsync(body)).AssertJsonAsync(HttpStatusCode.Created);
            }

            // The seller leaves property b entirely: a search by her ID must no longer find it.
            await (await registrar.TransferAsync("5-1-1-2-0-0-0", TransferRequests.Transfer(Seller, Buyer, 3))).AssertJsonAsync(HttpStatusCode.Created);
        }

        public Task DisposeAsync() => Service.DisposeAsync();
    }

    private async Task<(string[] Codes, JsonElement Page)> SearchAsync(string query)
    {
        var page = await (await _reader.GetAsync($"{Requests.PropertiesPath}?{query}")).AssertJsonAsync(HttpStatusCode.OK);
        return ([.. page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("renovationCode").GetString()!)], page);
    }

    [Theory]
    [InlineData("", new[] { "5-1-1-1-0-0-0", "5-1-1-2-0-0-0", "6-1-1-1-0-0-0" })]
    [InlineData("district=5", new[] { "5-1-1-1-0-0-0", "5-1-1-2-0-0-0" })]
    [InlineData("district=%DB%B6", new[] { "6-1-1-1-0-0-0" })]
    [InlineData("postalCode=22222-22222", new[] { "5-1-1-2-0-0-0", "6-1-1-1-0-0-0" })]
    [InlineData("postalCode=2222222222&district=6", new[] { "6-1-1-1-0-0-0" })]
    // Persian letters typed, Arabic letters were typed at registration (owner name and address), and the reverse.
    [InlineData("q=احمدی", new[] { "5-1-1-2-0-0-0" })]
    // Only current owners' names: the seller has left.
    [InlineData("q=شکوهی", new string[0])]
    [InlineData("q=نیلوفر", new[] { "5-1-1-2-0-0-0" })]
    [InlineData("q=كريمي", new[] { "5-1-1-1-0-0-0" })]
    [InlineData("q=%D9%8A%D8%A7%D8%B3", new[] { "5-1-1-1-0-0-0" })]
    [InlineData("q=%20%20ونک%20", new[] { "6-1-1-1-0-0-0" })]
    [InlineData("q=%DB%B7", new[] { "5-1-1-1-0-0-0" })]
    [InlineData("q=تهران&district=6", new[] { "6-1-1-1-0-0-0" })]
    // Like-pattern characters are matched literally.
    [InlineData("q=%25", new[] { "6-1-1-1-0-0-0" })]
    [InlineData("q=_", new[] { "6-1-1-1-0-0-0" })]
    [InlineData("q=ناپیدا", new string[0])]
    public async Task Filters_find_exactly_the_matching_properties(string query, string[] expected)
    {
        var (codes, page) = await SearchAsync(query);

        Assert.Equal(expected, codes);
        Assert.Equal(expected.Length, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_owner_is_found_by_national_id_in_any_digits_and_only_while_they_own_a_share()
    {
        Assert.Equal(["5-1-1-1-0-0-0"], (await SearchAsync($"ownerNationalId={Uri.EscapeDataString(NationalIds.ToPersianDigits(_world.Karimi))}")).Codes);
        Assert.Empty((await SearchAsync($"ownerNationalId={_world.Seller}")).Codes);
        var (codes, page) = await SearchAsync($"ownerNationalId={_world.Buyer}");
        Assert.Equal(["5-1-1-2-0-0-0"], codes);
        var owners = TransferRequests.Shares(page.GetProperty("items")[0]);
        Assert.Equal("3", owners[_world.Buyer]);
        Assert.DoesNotContain(_world.Seller, owners.Keys);
    }

    [Fact]
    public async Task Pages_are_counted_over_the_whole_result()
    {
        var (first, page1) = await SearchAsync("pageSize=2");
        var (second, page2) = await SearchAsync("pageSize=2&page=2");
        var (beyond, page3) = await SearchAsync("pageSize=2&page=3");

        Assert.Equal(["5-1-1-1-0-0-0", "5-1-1-2-0-0-0"], first);
        Assert.Equal(["6-1-1-1-0-0-0"], second);
        Assert.Empty(beyond);
        Assert.All([page1, page2, page3], p => Assert.Equal((3, 2), (p.GetProperty("total").GetInt32(), p.GetProperty("pageSize").GetInt32())));
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task Every_bad_filter_is_named_in_one_400()
    {
        var errors = await (await _reader.GetAsync(
            $"{Requests.PropertiesPath}?district=23&ownerNationalId=123&postalCode=12&q={new string('x', 101)}&page=0&pageSize=101")).AssertValidationProblemAsync();

        Assert.Equal(["district", "ownerNationalId", "page", "pageSize", "postalCode", "q"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.True((await (await _reader.GetAsync($"{Requests.PropertiesPath}?district=five")).AssertValidationProblemAsync()).TryGetProperty("district", out _));
    }
}
