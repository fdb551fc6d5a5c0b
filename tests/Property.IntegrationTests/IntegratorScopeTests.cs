using System.Net;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// Integrator clients answer only what they ask about, and only with <c>property.read</c>: one property
/// by code and a yes/no ownership check. A listing or search is 403 <c>ListingNotForClients</c>, the
/// history and every write are closed to them, and without <c>pii.read</c> they see no national ID.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class IntegratorScopeTests(PropertyService service, ITestOutputHelper output) : ServiceTest<PropertyService>(service, output), IClassFixture<PropertyService>
{
    private const string LegalEntity = "10380284790";

    private static int _parcel;

    /// <summary>A property in district 14 owned by a person (4 dang) and an organisation (2 dang).</summary>
    private async Task<(string Code, string Person)> RegisterAsync()
    {
        var code = $"14-2-3-{Interlocked.Increment(ref _parcel)}-0-0-0";
        var person = NationalIds.Next();
        using var registrar = Service.CreateClient(TestTokens.Registrar());
        var body = Requests.Registration(code, 14, Requests.Owner(person, "مریم احمدی", 4),
            new { partyType = "Organisation", legalEntityId = LegalEntity, fullName = "شرکت نمونه", shareDang = 2 });
        await (await registrar.RegisterAsync(body)).AssertJsonAsync(HttpStatusCode.Created);
        return (code, person);
    }

    private static string OwnerPath(string code, string nationalId) => $"{Requests.PropertyPath(code)}/owners/{nationalId}";

    public static TheoryData<string?> OtherScopes => new() { null, Scopes.PiiRead, Scopes.ArchiveRead, Scopes.UrbanPlanningRead };

    [Theory]
    [MemberData(nameof(OtherScopes))]
    public async Task Without_property_read_a_client_reads_nothing_and_hears_insufficient_scope(string? scope)
    {
        var (code, person) = await RegisterAsync();
        using var client = Service.CreateClient(scope is null ? TestTokens.Integrator("no-scopes") : TestTokens.Integrator("other-client", scope));

        foreach (var path in new[] { Requests.PropertyPath(code), OwnerPath(code, person), $"{Requests.PropertiesPath}?district=14", $"{Requests.PropertyPath(code)}/history" })
        {
            using var response = await client.GetAsync(path);
            var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.True("insufficient_scope" == problem.GetProperty("reason").GetString(), $"{path}: {problem}");
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter!.Contains("insufficient_scope", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("district=14")]
    [InlineData("q=تهران")]
    [InlineData("ownerNationalId=OWNER")]
    [InlineData("")]
    public async Task A_client_granted_property_read_asking_for_a_listing_is_refused_with_the_reason(string query)
    {
        var (_, person) = await RegisterAsync();
        using var client = Service.CreateClient(TestTokens.Integrator("utility-water", Scopes.PropertyRead, Scopes.PiiRead));

        var problem = await (await client.GetAsync($"{Requests.PropertiesPath}?{query.Replace("OWNER", person, StringComparison.Ordinal)}")).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("ListingNotForClients", problem.GetProperty("reason").GetString());
        Assert.DoesNotContain(person, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_granted_property_read_reads_neither_the_history_nor_writes()
    {
        var (code, person) = await RegisterAsync();
        using var client = Service.CreateClient(TestTokens.Integrator("utility-water", Scopes.PropertyRead, Scopes.PiiRead));
        var writes = await Service.CountWritesAsync();

        var history = await (await client.GetAsync($"{Requests.PropertyPath(code)}/history")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("insufficient_scope", history.GetProperty("reason").GetString());
        foreach (var response in new[]
        {
            await client.PlaceHoldAsync(code),
            await client.TransferAsync(code, TransferRequests.Transfer(person, NationalIds.Next(), 1)),
            await client.RegisterAsync(Requests.Registration($"14-9-9-{Interlocked.Increment(ref _parcel)}-0-0-0", 14, Requests.Owner(NationalIds.Next(), "x", 6))),
        })
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            response.Dispose();
        }

        Assert.Equal(writes, await Service.CountWritesAsync());
    }

    [Fact]
    public async Task The_ownership_check_answers_yes_or_no_and_nothing_else()
    {
        var (code, person) = await RegisterAsync();
        using var client = Service.CreateClient(TestTokens.Integrator("engineering-org", Scopes.PropertyRead));

        var owner = await (await client.GetAsync(OwnerPath(code, person))).AssertJsonAsync(HttpStatusCode.OK);
        var organisation = await (await client.GetAsync(OwnerPath(code, LegalEntity))).AssertJsonAsync(HttpStatusCode.OK);
        var stranger = await (await client.GetAsync(OwnerPath(code, NationalIds.Next()))).AssertJsonAsync(HttpStatusCode.OK);
        // Persian digits are read as any national ID field is.
        var persian = await (await client.GetAsync(OwnerPath(code, NationalIds.ToPersianDigits(person)))).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(owner.GetProperty("owns").GetBoolean());
        Assert.True(organisation.GetProperty("owns").GetBoolean());
        Assert.False(stranger.GetProperty("owns").GetBoolean());
        Assert.True(persian.GetProperty("owns").GetBoolean());
        Assert.Equal(["owns", "renovationCode"], owner.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(code, owner.GetProperty("renovationCode").GetString());

        var invalid = await (await client.GetAsync(OwnerPath(code, "0076229646"))).AssertValidationProblemAsync();
        Assert.True(invalid.TryGetProperty("nationalId", out _), invalid.ToString());
        await (await client.GetAsync(OwnerPath("14-9-9-999-0-0-0", person))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_pii_read_national_ids_are_masked_and_with_it_they_are_shown()
    {
        var (code, person) = await RegisterAsync();
        using var reader = Service.CreateClient(TestTokens.Integrator("utility-water", Scopes.PropertyRead));
        using var trusted = Service.CreateClient(TestTokens.Integrator("engineering-org", Scopes.PropertyRead, Scopes.PiiRead));
        using var staff = Service.CreateClient(TestTokens.Create([Roles.Archivist]));

        var masked = await (await reader.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        var shown = await (await trusted.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        var staffRead = await (await staff.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        // The cache holds the unmasked answer: masking is per caller, after it.
        var maskedAgain = await (await reader.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);

        var expected = $"{person[..2]}******{person[^2..]}";
        Assert.DoesNotContain(person, masked.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(person, maskedAgain.GetRawText(), StringComparison.Ordinal);
        var maskedPerson = PersonOf(masked);
        Assert.Equal(expected, maskedPerson.GetProperty("nationalId").GetString());
        Assert.Equal(expected, maskedPerson.GetProperty("partyId").GetString());
        // An organisation's legal-entity ID is a public register's, not personal data.
        Assert.Contains(LegalEntity, masked.GetRawText(), StringComparison.Ordinal);

        Assert.Equal(person, PersonOf(shown).GetProperty("nationalId").GetString());
        Assert.Equal(person, PersonOf(staffRead).GetProperty("nationalId").GetString());
    }

    private static JsonElement PersonOf(JsonElement property) =>
        property.GetProperty("owners").EnumerateArray().Single(o => o.GetProperty("partyType").GetString() == "Person");
}
