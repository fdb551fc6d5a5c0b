using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CityEServices.Contracts.Security;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>A service whose calls to other services give up after 2 s, so an outage test is quick.</summary>
public sealed class ShortDeadlineUrbanPlanningService(ServerFixture servers) : UrbanPlanningService(servers)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Grpc:Deadline", "00:00:02")];
}

/// <summary>
/// Every way POST /files can be refused. Each answer is the problem a client can act on, and none
/// leaves anything behind: no file, no event, not even a consumed file number. Nothing in this class
/// ever opens a file, so its database must stay empty.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RefusalTests(ShortDeadlineUrbanPlanningService service, ITestOutputHelper output) : ServiceTest<ShortDeadlineUrbanPlanningService>(service, output), IClassFixture<ShortDeadlineUrbanPlanningService>
{
    private const string Applicant = "0076229645";
    private const string OperatorNationalId = "1583250689";

    [Fact]
    public async Task Office_management_refusal_is_a_403_with_its_reason_and_writes_nothing()
    {
        Service.Properties.Register("3-1-1-1-0-0-0", 3, Applicant);
        Service.Offices.Refuse("OFC31", "OfficeNotLicensed", "Office OFC31 holds no URBAN_FILE licence.");
        using var client = Service.CreateClient(TestTokens.Operator("OFC31", OperatorNationalId));

        var problem = await (await client.OpenFileAsync("3-1-1-1-0-0-0", Applicant, "OFC31")).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("OfficeNotLicensed", problem.GetProperty("reason").GetString());
        Assert.Equal("Office OFC31 holds no URBAN_FILE licence.", problem.GetProperty("detail").GetString());
        Assert.Single(Service.Offices.CallsFor("OFC31"));
        Assert.Empty(Service.Properties.CallsFor("3-1-1-1-0-0-0"));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Applicant_without_a_share_is_a_403_ApplicantNotOwner_and_writes_nothing()
    {
        Service.Properties.Register("3-1-1-2-0-0-0", 3, "1111111111");
        using var client = Service.CreateClient(TestTokens.Operator("OFC32", OperatorNationalId));

        var problem = await (await client.OpenFileAsync("3-1-1-2-0-0-0", Applicant, "OFC32")).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("ApplicantNotOwner", problem.GetProperty("reason").GetString());
        Assert.Single(Service.Properties.CallsFor("3-1-1-2-0-0-0"));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Unknown_property_is_a_404_and_writes_nothing()
    {
        using var client = Service.CreateClient(TestTokens.Operator("OFC33", OperatorNationalId));

        var problem = await (await client.OpenFileAsync("3-9-9-9-0-0-0", Applicant, "OFC33")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("3-9-9-9-0-0-0", problem.GetProperty("detail").GetString());
        Assert.Single(Service.Properties.CallsFor("3-9-9-9-0-0-0"));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Operator_of_another_office_is_a_403_before_anyone_is_asked()
    {
        Service.Properties.Register("3-1-1-4-0-0-0", 3, Applicant);
        using var client = Service.CreateClient(TestTokens.Operator("OFC99", OperatorNationalId));

        var problem = await (await client.OpenFileAsync("3-1-1-4-0-0-0", Applicant, "OFC34")).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("OperatorNotAtOffice", problem.GetProperty("reason").GetString());
        Assert.Empty(Service.Offices.CallsFor("OFC34"));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Invalid_body_is_a_400_with_an_error_per_field_and_asks_no_one()
    {
        using var client = Service.CreateClient(TestTokens.Operator("OFC35", OperatorNationalId));
        var callsBefore = Service.Offices.Calls.Count + Service.Properties.Calls.Count;

        var problem = await (await client.OpenFileAsync("23-1", "0076229646", "OFC_35")).AssertProblemAsync(HttpStatusCode.BadRequest);

        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["applicantNationalId", "officeCode", "renovationCode"], fields);
        Assert.All(problem.GetProperty("errors").EnumerateObject(), p => Assert.NotEmpty(p.Value[0].GetString()!));
        Assert.Equal(callsBefore, Service.Offices.Calls.Count + Service.Properties.Calls.Count);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var client = Service.CreateClient(TestTokens.Operator("OFC35", OperatorNationalId));

        using var response = await client.PostAsync(Requests.FilesPath, new StringContent("{\"renovationCode\": ", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        await AssertNothingWrittenAsync();
    }

    public static TheoryData<string> UnacceptableTokens => ["none", "forged", "expired", "other-audience"];

    [Theory]
    [MemberData(nameof(UnacceptableTokens))]
    public async Task Without_a_valid_token_it_is_a_401_and_asks_no_one(string token)
    {
        Service.Properties.Register("3-1-1-6-0-0-0", 3, Applicant);
        using var client = Service.CreateClient(token switch
        {
            "none" => null,
            "forged" => TestTokens.Forged([Roles.OfficeOperator], "OFC36", OperatorNationalId),
            "expired" => TestTokens.Create([Roles.OfficeOperator], "OFC36", OperatorNationalId, expires: DateTime.UtcNow.AddMinutes(-5)),
            "other-audience" => TestTokens.Create([Roles.OfficeOperator], "OFC36", OperatorNationalId, audience: "someone-else"),
            _ => throw new ArgumentOutOfRangeException(nameof(token)),
        });

        using var response = await client.OpenFileAsync("3-1-1-6-0-0-0", Applicant, "OFC36");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Empty(Service.Offices.CallsFor("OFC36"));
        Assert.Empty(Service.Properties.CallsFor("3-1-1-6-0-0-0"));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Office_management_down_is_a_503_problem_and_writes_nothing()
    {
        Service.Properties.Register("3-1-1-7-0-0-0", 3, Applicant);
        using var client = Service.CreateClient(TestTokens.Operator("OFC37", OperatorNationalId));

        await Service.OfficeManagement.StopAsync();
        try
        {
            var started = DateTime.UtcNow;
            var problem = await (await client.OpenFileAsync("3-1-1-7-0-0-0", Applicant, "OFC37")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

            Assert.DoesNotContain("Exception", problem.GetRawText(), StringComparison.Ordinal);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the caller waited far longer than the configured deadline");
            Assert.Empty(Service.Properties.CallsFor("3-1-1-7-0-0-0"));
        }
        finally
        {
            await Service.OfficeManagement.StartAsync();
        }

        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Property_registry_down_after_authorisation_is_a_503_problem_and_writes_nothing()
    {
        using var client = Service.CreateClient(TestTokens.Operator("OFC38", OperatorNationalId));

        await Service.Property.StopAsync();
        try
        {
            var problem = await (await client.OpenFileAsync("3-1-1-8-0-0-0", Applicant, "OFC38")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

            Assert.DoesNotContain("Exception", problem.GetRawText(), StringComparison.Ordinal);
            Assert.Single(Service.Offices.CallsFor("OFC38"));
        }
        finally
        {
            await Service.Property.StartAsync();
        }

        await AssertNothingWrittenAsync();

        // Back up: the same request now gets an answer from the registry again (here: it has no such property).
        using var again = await client.OpenFileAsync("3-1-1-8-0-0-0", Applicant, "OFC38");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    private async Task AssertNothingWrittenAsync()
    {
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM files"));
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM outbox_messages"));
        // A number allocated and then given back would leave its counter row behind only if not rolled back.
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM file_number_sequences"));
    }
}
