using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// Ownership transfers, history, as-of reads and legal holds through the real service and PostgreSQL:
/// what is answered, what is stored, what is published, and that every refusal writes nothing.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class TransferTests : ServiceTest<PropertyService>, IClassFixture<PropertyService>
{
    private const string RegistrarId = "ali-registrar";
    private static int _parcel = 100;
    private readonly HttpClient _registrar;

    public TransferTests(PropertyService service, ITestOutputHelper output)
        : base(service, output)
    {
        _registrar = service.CreateClient(TestTokens.Create([Roles.Registrar], name: "Ali Registrar", subject: RegistrarId));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _registrar.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Moves the service's clock on a minute, as time passes between a registrar's actions: a change is
    /// stamped a microsecond after the last one when the clock has not moved, which "as of" a moment
    /// ago could not read yet (it would be in the service's future).
    /// </summary>
    private void Later() => Service.Clock.Advance(TimeSpan.FromMinutes(1));

    /// <summary>A fresh property owned 4 + 2 dang by two fresh people.</summary>
    private async Task<(string Code, string Four, string Two, JsonElement Created)> RegisterFourAndTwoAsync()
    {
        var code = $"9-4-7-{Interlocked.Increment(ref _parcel)}-0-0-0";
        var four = NationalIds.Next();
        var two = NationalIds.Next();
        var created = await (await _registrar.RegisterAsync(Requests.Registration(code, 9,
            Requests.Owner(four, "مریم احمدی", 4), Requests.Owner(two, "رضا کریمی", 2)))).AssertJsonAsync(HttpStatusCode.Created);
        return (code, four, two, created);
    }

    [Fact]
    public async Task One_dang_to_a_new_owner_changes_the_owners_and_the_history_and_asOf_before_shows_the_old_owners()
    {
        var (code, four, two, created) = await RegisterFourAndTwoAsync();
        var buyer = NationalIds.Next();
        Later();

        var transfer = await (await _registrar.TransferAsync(code, new
        {
            sellerNationalId = NationalIds.ToPersianDigits(four),
            buyer = new { nationalId = buyer, fullName = "نگار رحيمي" },
            shareDang = 1,
            note = "سند ۱۲۳",
        })).AssertJsonAsync(HttpStatusCode.Created);

        var expected = new Dictionary<string, string> { [four] = "3", [two] = "2", [buyer] = "1" };
        Assert.Equal(expected, TransferRequests.Shares(transfer));
        Assert.Equal((four, buyer, "1"), (transfer.GetProperty("sellerId").GetString(), transfer.GetProperty("buyerId").GetString(), transfer.GetProperty("shareFraction").GetString()));
        var at = transfer.GetProperty("at").GetProperty("utc").GetDateTimeOffset();

        var current = await (await _registrar.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(expected, TransferRequests.Shares(current));
        Assert.Equal("نگار رحیمی", current.GetProperty("owners").EnumerateArray().Single(o => o.GetProperty("partyId").GetString() == buyer).GetProperty("fullName").GetString());

        var before = await (await _registrar.GetAsync($"{Requests.PropertyPath(code)}?asOf={Uri.EscapeDataString(at.AddTicks(-10).ToString("O"))}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(new Dictionary<string, string> { [four] = "4", [two] = "2" }, TransferRequests.Shares(before));
        Assert.Equal(at.AddTicks(-10), before.GetProperty("asOf").GetProperty("utc").GetDateTimeOffset());
        var closed = before.GetProperty("owners").EnumerateArray().Single(o => o.GetProperty("partyId").GetString() == four);
        Assert.Equal(at, closed.GetProperty("validTo").GetProperty("utc").GetDateTimeOffset());
        var atTransfer = await (await _registrar.GetAsync($"{Requests.PropertyPath(code)}?asOf={Uri.EscapeDataString(at.ToString("O"))}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(expected, TransferRequests.Shares(atTransfer));

        var history = await (await _registrar.GetAsync(TransferRequests.HistoryPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, history.GetProperty("total").GetInt32());
        Assert.Equal((1, 20), (history.GetProperty("page").GetInt32(), history.GetProperty("pageSize").GetInt32()));
        var entries = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Registered", "Transferred"], entries.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(new Dictionary<string, string> { [four] = "4", [two] = "2" }, TransferRequests.Shares(entries[0]));
        Assert.Equal(expected, TransferRequests.Shares(entries[1]));
        Assert.Equal((four, buyer, $"user:{RegistrarId}", "سند 123"), (entries[1].GetProperty("fromPartyId").GetString(), entries[1].GetProperty("toPartyId").GetString(), entries[1].GetProperty("actor").GetString(), entries[1].GetProperty("note").GetString()));
        Assert.Equal($"user:{RegistrarId}", entries[0].GetProperty("actor").GetString());
        Assert.Equal(created.GetProperty("registeredAt").GetProperty("utc").GetDateTimeOffset(), entries[0].GetProperty("at").GetProperty("utc").GetDateTimeOffset());

        // Stored: the seller's old holding closed at the transfer, one OwnershipTransferred in the outbox.
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM property_owners WHERE renovation_code = @c AND party_id = @p AND valid_to IS NOT NULL AND share_numerator = 4", ("c", code), ("p", four)));
        var row = Assert.Single(await Service.OutboxRowsForAsync(code), r => r.MessageType.EndsWith("OwnershipTransferred", StringComparison.Ordinal));
        Assert.Equal((four, buyer, "1"), (row.Payload.GetProperty("fromNationalId").GetString(), row.Payload.GetProperty("toNationalId").GetString(), row.Payload.GetProperty("shareDang").GetString()));
        // Who holds it afterwards, so urban planning's file follows the property without asking the registry.
        Assert.Equal(expected, row.Payload.GetProperty("ownersAfter").EnumerateArray().ToDictionary(o => o.GetProperty("partyId").GetString()!, o => o.GetProperty("shareDang").GetString()!));
    }

    [Fact]
    public async Task All_of_a_share_to_an_existing_owner_merges_them_and_the_buyers_name_may_be_left_out()
    {
        var (code, four, two, _) = await RegisterFourAndTwoAsync();

        var transfer = await (await _registrar.TransferAsync(code, TransferRequests.Transfer(two, four, "2", buyerName: null))).AssertJsonAsync(HttpStatusCode.Created);

        var owner = Assert.Single(transfer.GetProperty("owners").EnumerateArray());
        Assert.Equal((four, "مریم احمدی", "6"), (owner.GetProperty("partyId").GetString(), owner.GetProperty("fullName").GetString(), owner.GetProperty("shareFraction").GetString()));

        // Half a dang twice more, as fractions, to a company: exact arithmetic through the API.
        var company = "10380284790";
        await (await _registrar.TransferAsync(code, new { sellerNationalId = four, buyer = new { partyType = "Organisation", legalEntityId = company, fullName = "شرکت نمونه" }, shareDang = "1/2" })).AssertJsonAsync(HttpStatusCode.Created);
        var last = await (await _registrar.TransferAsync(code, new { sellerNationalId = four, buyer = new { partyType = "Organisation", legalEntityId = company }, shareDang = 0.5m })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(new Dictionary<string, string> { [four] = "5", [company] = "1" }, TransferRequests.Shares(last));
    }

    [Fact]
    public async Task A_legal_hold_blocks_transfers_until_cleared_and_both_show_in_the_history()
    {
        var (code, four, two, _) = await RegisterFourAndTwoAsync();
        using var admin = Service.CreateClient(TestTokens.Create([Roles.Admin], name: "Sara Admin", subject: "sara-admin"));
        Later();

        var held = await (await admin.PlaceHoldAsync(code)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(held.GetProperty("restrictions").GetProperty("legalHold").GetBoolean());
        var again = await (await admin.PlaceHoldAsync(code)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("AlreadyUnderLegalHold", again.GetProperty("reason").GetString());

        var writes = await Service.CountWritesAsync();
        var refused = await (await _registrar.TransferAsync(code, TransferRequests.Transfer(four, two, 1))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("LegalHold", refused.GetProperty("reason").GetString());
        Assert.Equal(writes, await Service.CountWritesAsync());
        Assert.True((await (await _registrar.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("restrictions").GetProperty("legalHold").GetBoolean());

        Later();
        var cleared = await (await admin.DeleteAsync($"{TransferRequests.LegalHoldPath(code)}?reason=released")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.False(cleared.GetProperty("restrictions").GetProperty("legalHold").GetBoolean());
        var notHeld = await (await admin.ClearHoldAsync(code)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("NotUnderLegalHold", notHeld.GetProperty("reason").GetString());
        await (await _registrar.TransferAsync(code, TransferRequests.Transfer(four, two, 1))).AssertJsonAsync(HttpStatusCode.Created);

        var history = await (await _registrar.GetAsync($"{TransferRequests.HistoryPath(code)}?page=2&pageSize=2")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, history.GetProperty("total").GetInt32());
        var page = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["LegalHoldCleared", "Transferred"], page.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("released", page[0].GetProperty("note").GetString());
        Assert.False(page[0].GetProperty("restrictions").GetProperty("legalHold").GetBoolean());
        Assert.Equal(["user:sara-admin", $"user:{RegistrarId}"], page.Select(e => e.GetProperty("actor").GetString()));

        // Read as of the moment the hold was placed, the property was held.
        var placed = (await (await _registrar.GetAsync($"{TransferRequests.HistoryPath(code)}?pageSize=2")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("items")[1];
        Assert.Equal(("LegalHoldSet", "user:sara-admin"), (placed.GetProperty("kind").GetString(), placed.GetProperty("actor").GetString()));
        var placedAt = placed.GetProperty("at").GetProperty("utc").GetDateTimeOffset();
        var asHeld = await (await _registrar.GetAsync($"{Requests.PropertyPath(code)}?asOf={Uri.EscapeDataString(placedAt.ToString("O"))}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(asHeld.GetProperty("restrictions").GetProperty("legalHold").GetBoolean());
    }

    [Fact]
    public async Task A_seller_who_does_not_hold_the_share_is_refused_with_409_and_nothing_is_written()
    {
        var (code, four, two, _) = await RegisterFourAndTwoAsync();
        var writes = await Service.CountWritesAsync();

        var tooMuch = await (await _registrar.TransferAsync(code, TransferRequests.Transfer(two, four, "2.5"))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("InsufficientShare", tooMuch.GetProperty("reason").GetString());
        var stranger = await (await _registrar.TransferAsync(code, TransferRequests.Transfer(NationalIds.Next(), four, 1))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("SellerNotOwner", stranger.GetProperty("reason").GetString());

        Assert.Equal(writes, await Service.CountWritesAsync());
    }

    [Fact]
    public async Task Concurrent_transfers_of_one_sellers_share_never_sell_more_than_she_holds()
    {
        var (code, _, two, _) = await RegisterFourAndTwoAsync();

        // Five one-dang sales by the two-dang owner at once: at most two can succeed.
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            _registrar.TransferAsync(code, TransferRequests.Transfer(two, NationalIds.Next(), 1))));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.InRange(created, 1, 2);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains(problem.GetProperty("reason").GetString(), new[] { "ConcurrentChange", "InsufficientShare", "SellerNotOwner" });
        }

        var shares = TransferRequests.Shares(await (await _registrar.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK));
        // Whoever won, the owners still sum to six and the seller has what she did not sell.
        Assert.Equal(6, shares.Values.Sum(int.Parse));
        Assert.Equal(created == 2 ? null : "1", shares.TryGetValue(two, out var remaining) ? remaining : null);
        Assert.Equal(created, shares.Keys.Count(k => k != two && shares[k] == "1"));
        Assert.Equal(created + 1, await Service.CountAsync("SELECT count(*) FROM property_history WHERE renovation_code = @c", ("c", code)));
    }

    [Fact]
    public async Task Bad_transfers_are_400s_naming_each_field_and_write_nothing()
    {
        var (code, four, _, _) = await RegisterFourAndTwoAsync();
        var writes = await Service.CountWritesAsync();

        async Task<string[]> FieldsAsync(string path, object body) =>
            [.. (await (await _registrar.PostAsJsonAsync(path, body)).AssertValidationProblemAsync()).EnumerateObject().Select(p => p.Name).Order()];

        Assert.Equal(["buyer", "sellerNationalId", "shareDang"], await FieldsAsync(TransferRequests.TransfersPath(code), new { }));
        Assert.Equal(["shareDang"], await FieldsAsync(TransferRequests.TransfersPath(code), TransferRequests.Transfer(four, NationalIds.Next(), 0)));
        Assert.Equal(["shareDang"], await FieldsAsync(TransferRequests.TransfersPath(code), TransferRequests.Transfer(four, NationalIds.Next(), 7)));
        Assert.Equal(["buyer.nationalId"], await FieldsAsync(TransferRequests.TransfersPath(code), TransferRequests.Transfer(four, four, 1)));
        Assert.Equal(["buyer.nationalId"], await FieldsAsync(TransferRequests.TransfersPath(code), TransferRequests.Transfer(four, "0076229646", 1)));
        // A new owner needs a name; only the property knows the buyer is new.
        Assert.Equal(["buyer.fullName"], await FieldsAsync(TransferRequests.TransfersPath(code), TransferRequests.Transfer(four, NationalIds.Next(), 1, buyerName: null)));
        Assert.Equal(["renovationCode"], await FieldsAsync(TransferRequests.TransfersPath("23-1-1-1-0-0-0"), TransferRequests.Transfer(four, NationalIds.Next(), 1)));

        await (await _registrar.TransferAsync("9-9-9-9-9-9-9", TransferRequests.Transfer(four, NationalIds.Next(), 1))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _registrar.PostRawAsync(TransferRequests.TransfersPath(code), "{\"shareDang\": [")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _registrar.PostRawAsync(TransferRequests.TransfersPath(code), "{}", "text/plain")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(["reason"], [.. (await (await _registrar.PlaceHoldAsync(code, reason: " ")).AssertValidationProblemAsync()).EnumerateObject().Select(p => p.Name)]);
        await (await _registrar.PlaceHoldAsync("9-9-9-9-9-9-9")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(writes, await Service.CountWritesAsync());
    }

    [Fact]
    public async Task Bad_reads_are_400s_or_404s()
    {
        var (code, _, _, created) = await RegisterFourAndTwoAsync();
        var registeredAt = created.GetProperty("registeredAt").GetProperty("utc").GetDateTimeOffset();

        Assert.True((await (await _registrar.GetAsync($"{Requests.PropertyPath(code)}?asOf=yesterday")).AssertValidationProblemAsync()).TryGetProperty("asOf", out _));
        // The future is the service's: a microsecond after its now is refused, its now is not.
        var now = Service.Clock.GetUtcNow();
        Assert.True((await (await _registrar.GetAsync($"{Requests.PropertyPath(code)}?asOf={Uri.EscapeDataString(now.AddTicks(10).ToString("O"))}")).AssertValidationProblemAsync()).TryGetProperty("asOf", out _));
        await (await _registrar.GetAsync($"{Requests.PropertyPath(code)}?asOf={Uri.EscapeDataString(now.ToString("O"))}")).AssertJsonAsync(HttpStatusCode.OK);
        await (await _registrar.GetAsync($"{Requests.PropertyPath(code)}?asOf={Uri.EscapeDataString(registeredAt.AddSeconds(-1).ToString("O"))}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var paging = await (await _registrar.GetAsync($"{TransferRequests.HistoryPath(code)}?page=0&pageSize=101")).AssertValidationProblemAsync();
        Assert.Equal(["page", "pageSize"], paging.EnumerateObject().Select(p => p.Name).Order());
        await (await _registrar.GetAsync(TransferRequests.HistoryPath("9-9-9-9-9-9-9"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.True((await (await _registrar.GetAsync(TransferRequests.HistoryPath("0-1-1-1-0-0-0"))).AssertValidationProblemAsync()).TryGetProperty("renovationCode", out _));
    }

    [Theory]
    [InlineData(Roles.Integrator)]
    [InlineData(Roles.OfficeOperator)]
    [InlineData(Roles.DistrictReviewer)]
    [InlineData(Roles.Archivist)]
    public async Task Readers_may_read_everything_but_change_nothing(string role)
    {
        var (code, four, two, _) = await RegisterFourAndTwoAsync();
        using var reader = Service.CreateClient(TestTokens.Create([role], officeCode: "OFC9", nationalId: "1583250689", district: 9));
        var writes = await Service.CountWritesAsync();

        foreach (var response in new[]
        {
            await reader.TransferAsync(code, TransferRequests.Transfer(four, two, 1)),
            await reader.PlaceHoldAsync(code),
            await reader.DeleteAsync(TransferRequests.LegalHoldPath(code)),
        })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("RoleNotAllowed", problem.GetProperty("reason").GetString());
        }

        Assert.Equal(writes, await Service.CountWritesAsync());
        await (await reader.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        await (await reader.GetAsync(TransferRequests.HistoryPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        await (await reader.GetAsync($"{Requests.PropertiesPath}?district=9")).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_without_any_city_role_reads_nothing_and_no_token_is_401()
    {
        var (code, four, two, _) = await RegisterFourAndTwoAsync();
        using var roleless = Service.CreateClient(TestTokens.Create([]));
        using var anonymous = Service.CreateClient();

        foreach (var path in new[] { Requests.PropertyPath(code), TransferRequests.HistoryPath(code), Requests.PropertiesPath })
        {
            Assert.Equal("RoleNotAllowed", (await (await roleless.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("reason").GetString());
            await (await anonymous.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        await (await anonymous.TransferAsync(code, TransferRequests.Transfer(four, two, 1))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
