using System.Net;
using CityEServices.Contracts.Security;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// The registry names the real actor (a user or client id, never a display name): every read of owners'
/// national IDs in the clear (staff, or a client granted <c>pii.read</c>) and every ownership check is a
/// row of personal_data_reads; clearing a legal hold needs a reason, kept in the history with who cleared it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ActorAuditTests(PropertyService service, ITestOutputHelper output) : ServiceTest<PropertyService>(service, output), IClassFixture<PropertyService>
{
    private static int _parcel;

    private async Task<(string Code, string Owner)> RegisterAsync()
    {
        var code = $"11-4-5-{Interlocked.Increment(ref _parcel)}-0-0-0";
        var owner = NationalIds.Next();
        using var registrar = Service.CreateClient(TestTokens.Registrar());
        await (await registrar.RegisterAsync(Requests.Registration(code, 11, Requests.Owner(owner, "مریم احمدی", 6)))).AssertJsonAsync(HttpStatusCode.Created);
        return (code, owner);
    }

    [Fact]
    public async Task A_read_of_owners_national_ids_is_recorded_under_the_readers_id_and_a_masked_read_is_not()
    {
        var (code, owner) = await RegisterAsync();
        using var registrar = Service.CreateClient(TestTokens.Create([Roles.Registrar], name: "Ali Registrar", subject: "ali-registrar"));
        using var trusted = Service.CreateClient(TestTokens.Integrator("engineering-org", Scopes.PropertyRead, Scopes.PiiRead));
        using var masked = Service.CreateClient(TestTokens.Integrator("utility-water", Scopes.PropertyRead));

        await (await registrar.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        await (await trusted.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        await (await masked.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        await (await masked.GetAsync($"{Requests.PropertyPath(code)}/owners/{owner}")).AssertJsonAsync(HttpStatusCode.OK);

        var reads = await Service.ReadsOfAsync(code);
        Assert.Equal(
            [("user:ali-registrar", "Property", null), ("client:engineering-org", "Property", null), ("client:utility-water", "OwnershipCheck", owner)],
            reads.Select(r => (r.Actor, r.Kind, r.Query)));
        Assert.DoesNotContain(reads, r => r.Actor.Contains("Ali Registrar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_as_of_an_instant_records_the_instant()
    {
        var (code, _) = await RegisterAsync();
        using var registrar = Service.CreateClient(TestTokens.Create([Roles.Registrar], subject: "ali-registrar"));
        // Registered at the clock's now; read as it stood half a minute after.
        Service.Clock.Advance(TimeSpan.FromMinutes(1));
        var at = Service.Clock.GetUtcNow().AddSeconds(-30);

        await (await registrar.GetAsync($"{Requests.PropertyPath(code)}?asOf={Uri.EscapeDataString(at.ToString("O"))}")).AssertJsonAsync(HttpStatusCode.OK);

        var read = Assert.Single(await Service.ReadsOfAsync(code));
        Assert.Equal("user:ali-registrar", read.Actor);
        Assert.Equal(at, DateTimeOffset.Parse(read.Query!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Clearing_a_legal_hold_without_a_reason_is_400_and_the_hold_stays(string? reason)
    {
        var (code, _) = await RegisterAsync();
        using var admin = Service.CreateClient(TestTokens.Admin());
        await (await admin.PlaceHoldAsync(code)).AssertJsonAsync(HttpStatusCode.OK);
        var writes = await Service.CountWritesAsync();

        var errors = await (await admin.ClearHoldAsync(code, reason)).AssertValidationProblemAsync();

        Assert.True(errors.TryGetProperty("reason", out _), errors.ToString());
        Assert.Equal(writes, await Service.CountWritesAsync());
        using var noCache = new HttpRequestMessage(HttpMethod.Get, Requests.PropertyPath(code)) { Headers = { { "Cache-Control", "no-cache" } } };
        var property = await (await admin.SendAsync(noCache)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(property.GetProperty("restrictions").GetProperty("legalHold").GetBoolean());
    }

    [Fact]
    public async Task Clearing_a_legal_hold_keeps_the_reason_and_who_cleared_it_in_the_history()
    {
        var (code, _) = await RegisterAsync();
        using var admin = Service.CreateClient(TestTokens.Create([Roles.Admin], name: "Sara Admin", subject: "sara-admin"));
        await (await admin.PlaceHoldAsync(code)).AssertJsonAsync(HttpStatusCode.OK);
        Service.Clock.Advance(TimeSpan.FromMinutes(1));

        // Typed with Persian digits, kept normalised as every text the registry stores.
        var cleared = await (await admin.ClearHoldAsync(code, "رفع توقیف به حکم شعبه ۱۲")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.False(cleared.GetProperty("restrictions").GetProperty("legalHold").GetBoolean());
        var history = await (await admin.GetAsync(TransferRequests.HistoryPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        var entry = history.GetProperty("items").EnumerateArray().Last();
        Assert.Equal("LegalHoldCleared", entry.GetProperty("kind").GetString());
        Assert.Equal("رفع توقیف به حکم شعبه 12", entry.GetProperty("note").GetString());
        Assert.Equal("user:sara-admin", entry.GetProperty("actor").GetString());
    }
}
