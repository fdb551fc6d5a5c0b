using System.Net;
using CityEServices.Contracts.Security;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// /api/me: a citizen's token (role citizen, national_id) lists the files they hold and reads their
/// requests; anyone else's request is a 404; staff tokens are refused here, and citizen tokens on staff endpoints.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CitizenMeTests(WorkflowService service, ITestOutputHelper output) : ServiceTest<WorkflowService>(service, output), IClassFixture<WorkflowService>
{
    private const string Office = "OFC14";

    private static string CitizenToken(string nationalId) =>
        TestTokens.Create([Roles.Citizen], nationalId: nationalId, subject: "citizen:" + nationalId, name: nationalId);

    [Fact]
    public async Task A_citizen_sees_their_own_file_and_request_and_gets_404_for_anothers()
    {
        var mine = await Service.OpenFileAsync(14, Office);
        var theirs = await Service.OpenFileAsync(14, Office);
        var myRequest = await Service.SubmittedRequestAsync(mine);
        var theirRequest = await Service.SubmittedRequestAsync(theirs);
        using var citizen = Service.CreateClient(CitizenToken(mine.Applicant));

        var page = await (await citizen.GetAsync("/api/me/files")).AssertJsonAsync(HttpStatusCode.OK);
        var file = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(mine.Number, file.GetProperty("fileNumber").GetString());
        Assert.Equal(myRequest, Assert.Single(file.GetProperty("requests").EnumerateArray()).GetProperty("requestId").GetString());

        var request = await (await citizen.GetAsync($"/api/me/requests/{myRequest}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Submitted", request.GetProperty("status").GetString());
        Assert.Equal(0, request.GetProperty("missingDocumentCategories").GetArrayLength());
        Assert.NotEqual(0, request.GetProperty("timeline").GetArrayLength());
        Assert.DoesNotContain("actor", request.GetProperty("timeline")[0].EnumerateObject().Select(p => p.Name));

        using var other = await citizen.GetAsync($"/api/me/requests/{theirRequest}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var unknown = await citizen.GetAsync($"/api/me/requests/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_citizen_opens_the_payment_order_of_their_own_request_only()
    {
        var mine = await Service.OpenFileAsync(16, "OFC16");
        var theirs = await Service.OpenFileAsync(16, "OFC16");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(16));
        var (myRequest, order) = await Service.FeeAssessedAsync(mine, reviewer);
        var (theirRequest, _) = await Service.FeeAssessedAsync(theirs, reviewer);
        var notAssessed = await Service.SubmittedRequestAsync(await Service.OpenFileAsync(16, "OFC16"));
        using var citizen = Service.CreateClient(CitizenToken(mine.Applicant));

        var myOrder = await (await citizen.GetAsync($"/api/me/requests/{myRequest}/payment-order")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(order.GetProperty("orderId").GetString(), myOrder.GetProperty("orderId").GetString());
        Assert.Equal(order.GetProperty("amountRial").GetDecimal(), myOrder.GetProperty("amountRial").GetDecimal());

        // Another's order, and a document of a request not issued, are 404s; so is an order of another's unassessed request.
        await (await citizen.GetAsync($"/api/me/requests/{theirRequest}/payment-order")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await citizen.GetAsync($"/api/me/requests/{notAssessed}/payment-order")).AssertProblemAsync(HttpStatusCode.NotFound);
        var noDocument = await (await citizen.GetAsync($"/api/me/requests/{myRequest}/document")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No document issued.", noDocument.GetProperty("title").GetString());
        var notMine = await (await citizen.GetAsync($"/api/me/requests/{theirRequest}/document")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Service request not found.", notMine.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_national_id_comes_from_the_token_never_the_query()
    {
        var theirs = await Service.OpenFileAsync(14, Office);
        using var citizen = Service.CreateClient(CitizenToken(NationalIds.Next()));

        var page = await (await citizen.GetAsync($"/api/me/files?nationalId={theirs.Applicant}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Staff_and_clients_are_refused_here_and_citizens_on_staff_endpoints()
    {
        var mine = await Service.OpenFileAsync(14, Office);
        var requestId = await Service.SubmittedRequestAsync(mine);

        using var admin = Service.CreateClient(TestTokens.Admin());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/me/files")).StatusCode);
        using var bank = Service.CreateClient(TestTokens.Integrator("bank", Scopes.UrbanPlanningRead));
        Assert.Equal(HttpStatusCode.Forbidden, (await bank.GetAsync("/api/me/files")).StatusCode);

        using var citizen = Service.CreateClient(CitizenToken(mine.Applicant));
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync($"{Requests.FilesPath}/{mine.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(Workflow.RequestPath(requestId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(Workflow.OrderPath(requestId))).StatusCode);
    }
}
