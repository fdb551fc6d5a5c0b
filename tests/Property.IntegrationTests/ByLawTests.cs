using System.Net;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// The by-law on every read of owners by an office operator: a property, its ownership check, its
/// history and a search each ask office management (AuthorizeService, for URBAN_FILE). A suspended
/// office, a revoked licence, an inactive or uncertified operator is refused with office management's
/// reason, and a change it announces holds here at once. A reviewer reads only their district.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ByLawTests(PropertyService service, ITestOutputHelper output) : ServiceTest<PropertyService>(service, output), IClassFixture<PropertyService>
{
    private static int _n = Random.Shared.Next(100, 900);

    /// <summary>A property in district 16 and an operator at an office of their own.</summary>
    private async Task<(string Code, string Owner, string Office, string NationalId, string Token)> PropertyAndOperatorAsync()
    {
        var n = Interlocked.Increment(ref _n);
        var code = $"16-1-{n}-1-0-0-0";
        var owner = NationalIds.Next();
        using var registrar = Service.CreateClient(TestTokens.Registrar());
        await (await registrar.RegisterAsync(Requests.Registration(code, 16, Requests.Owner(owner, "مریم احمدی", 6)))).AssertJsonAsync(HttpStatusCode.Created);
        var office = $"PBL{n}";
        var nationalId = NationalIds.Next();
        return (code, owner, office, nationalId, TestTokens.Create([Roles.OfficeOperator], officeCode: office, nationalId: nationalId, subject: $"operator-{n}"));
    }

    private static string[] Reads(string code, string owner) =>
    [
        Requests.PropertyPath(code),
        $"{Requests.PropertyPath(code)}/owners/{owner}",
        TransferRequests.HistoryPath(code),
        $"{Requests.PropertiesPath}?ownerNationalId={owner}",
    ];

    public static TheoryData<string, bool> Refusals => new()
    {
        { "OfficeSuspended", true },
        { "LicenceRevoked", true },
        { "StaffInactive", false },
        { "NotCertified", false },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_operator_refused_by_office_management_reads_no_owner_and_hears_why(string reason, bool officeWide)
    {
        var (code, owner, office, nationalId, token) = await PropertyAndOperatorAsync();
        if (officeWide)
        {
            Service.Offices.RefuseOffice(office, reason);
        }
        else
        {
            Service.Offices.RefusePerson(nationalId, reason);
        }

        using var client = Service.CreateClient(token);
        foreach (var path in Reads(code, owner))
        {
            var problem = await (await client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.True(reason == problem.GetProperty("reason").GetString(), $"{path}: {problem}");
            // Nothing of the property is told (the instance echoes the caller's own path, owner ID and all).
            Assert.False(problem.TryGetProperty("owners", out _), problem.ToString());
        }

        Assert.Empty(await Service.ReadsOfAsync(code));
        // The question asked was the by-law's one check: this operator, at this office, for urban-planning files.
        Assert.NotEmpty(Service.Offices.CallsFor(office));
        Assert.All(Service.Offices.CallsFor(office), call =>
        {
            Assert.Equal(nationalId, call.OperatorNationalId);
            Assert.Equal("URBAN_FILE", call.ServiceType);
        });
    }

    [Fact]
    public async Task An_authorised_operator_reads_the_owners_and_the_read_is_recorded_under_their_id()
    {
        var (code, owner, office, _, token) = await PropertyAndOperatorAsync();
        using var client = Service.CreateClient(token);

        foreach (var path in Reads(code, owner))
        {
            await (await client.GetAsync(path)).AssertJsonAsync(HttpStatusCode.OK);
        }

        var n = office["PBL".Length..];
        var reads = await Service.ReadsOfAsync(code);
        Assert.Equal(["Property", "OwnershipCheck", "History"], reads.Select(r => r.Kind));
        Assert.All(reads, r => Assert.Equal($"user:operator-{n}", r.Actor));
        Assert.Equal(1, await Service.CountAsync(
            "SELECT count(*) FROM personal_data_reads WHERE kind = 'Search' AND actor = @a AND query = @q", ("a", $"user:operator-{n}"), ("q", $"ownerNationalId={owner}")));
    }

    [Fact]
    public async Task A_suspension_office_management_announces_holds_here_within_five_seconds_not_when_the_cached_answer_expires()
    {
        var (code, owner, office, _, token) = await PropertyAndOperatorAsync();
        using var client = Service.CreateClient(token);
        // Allowed, and the answer is now cached for a minute (PropertyService.AuthorizationCacheTimeToLive).
        await (await client.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);

        Service.Offices.RefuseOffice(office, "OfficeSuspended");
        await Service.PublishAsync(new OfficeAuthorizationChanged(office, null, "OfficeStatus") { OccurredAt = Service.Time.GetUtcNow() });

        await Eventually.UntilAsync(async () =>
        {
            using var read = await client.GetAsync(Requests.PropertyPath(code));
            return read.StatusCode == HttpStatusCode.Forbidden;
        }, TimeSpan.FromSeconds(5), "the suspension announced by office management refusing the operator's read");
        var check = await (await client.GetAsync($"{Requests.PropertyPath(code)}/owners/{owner}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("OfficeSuspended", check.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Registry_staff_are_not_operators_and_office_management_is_not_asked_about_them()
    {
        var (code, owner, _, _, _) = await PropertyAndOperatorAsync();
        var calls = Service.Offices.Calls.Count;

        foreach (var role in new[] { Roles.Admin, Roles.Registrar, Roles.Archivist })
        {
            using var client = Service.CreateClient(TestTokens.Create([role]));
            foreach (var path in Reads(code, owner))
            {
                await (await client.GetAsync(path)).AssertJsonAsync(HttpStatusCode.OK);
            }
        }

        Assert.Equal(calls, Service.Offices.Calls.Count);
    }

    [Fact]
    public async Task A_reviewer_reads_and_searches_only_their_own_district()
    {
        var (code, owner, _, _, _) = await PropertyAndOperatorAsync();
        using var own = Service.CreateClient(TestTokens.Reviewer(16));
        using var other = Service.CreateClient(TestTokens.Reviewer(3));

        foreach (var path in Reads(code, owner))
        {
            await (await own.GetAsync(path)).AssertJsonAsync(HttpStatusCode.OK);
        }

        foreach (var path in Reads(code, owner).Take(3).Append($"{Requests.PropertiesPath}?district=16"))
        {
            var refused = await (await other.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.True("WrongDistrict" == refused.GetProperty("reason").GetString(), $"{path}: {refused}");
        }

        // A search naming no district is confined to the reviewer's own.
        var mine = await (await own.GetAsync($"{Requests.PropertiesPath}?ownerNationalId={owner}")).AssertJsonAsync(HttpStatusCode.OK);
        var theirs = await (await other.GetAsync($"{Requests.PropertiesPath}?ownerNationalId={owner}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
        Assert.Equal(0, theirs.GetProperty("total").GetInt32());
    }
}
