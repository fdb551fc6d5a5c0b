using System.Net;
using System.Net.Http.Json;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// The by-law at every step, not only at the door: an operator acts and reads only while office
/// management authorises their office and them for the service type at hand, a reviewer only in the
/// file's district, a refusal comes before any word about the request's state, and nothing is issued
/// for a property under legal hold.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ByLawTests(WorkflowService service, ITestOutputHelper output) : ServiceTest<WorkflowService>(service, output), IClassFixture<WorkflowService>
{
    /// <summary>How long a suspension may take to hold everywhere (the shared check's cache lifetime).</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_suspended_offices_operator_is_refused_every_write_and_read_within_5_s_and_nothing_is_written()
    {
        var file = await Service.OpenFileAsync(district: 15, office: "LAW15");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(15));
        var returned = await Service.SubmittedRequestAsync(file);
        (await Service.ActAsync(reviewer, returned, new { action = "review" })).EnsureSuccessStatusCode();
        (await Service.ActAsync(reviewer, returned, new { action = "return", note = "The deed is unreadable." })).EnsureSuccessStatusCode();
        var (assessed, _) = await Service.FeeAssessedAsync(file, reviewer);
        // Everything below was allowed a moment ago (and is cached as allowed).
        (await file.Operator.GetAsync(Workflow.RequestPath(assessed))).EnsureSuccessStatusCode();
        (await file.Operator.GetAsync($"{Requests.FilesPath}/{file.Number}")).EnsureSuccessStatusCode();

        Service.Offices.Refuse(file.Office, "OfficeSuspended", $"Office {file.Office} is suspended.");
        await Service.AnnounceOfficeChangeAsync(file.Office);
        await Eventually.UntilAsync(
            async () => (await file.Operator.GetAsync(Workflow.RequestPath(assessed))).StatusCode == HttpStatusCode.Forbidden,
            Within, "the suspension holding for the office's operator");

        await (await Service.ActAsync(file.Operator, returned, new { action = "submit" })).AssertProblemAsync(HttpStatusCode.Forbidden, "OfficeSuspended");
        await (await Service.ActAsync(file.Operator, assessed, new { action = "pay", receipt = Workflow.NewReference("POS") })).AssertProblemAsync(HttpStatusCode.Forbidden, "OfficeSuspended");
        // 403 before 409: a request in the wrong state for the action still answers with the suspension.
        await (await Service.ActAsync(file.Operator, assessed, new { action = "submit" })).AssertProblemAsync(HttpStatusCode.Forbidden, "OfficeSuspended");
        // 403 before 409 for stage reports too (the file has no supervising engineer).
        await (await file.Operator.PostAsJsonAsync($"{Requests.FilesPath}/{file.Number}/supervision/reports", new { stage = "Foundation", documentId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "OfficeSuspended");
        await (await file.Operator.PostAsJsonAsync(Workflow.RequestsPath(file.Number), new { serviceType = "NO_VIOLATION_CERTIFICATE" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "OfficeSuspended");
        await (await file.Operator.GetAsync($"{Requests.FilesPath}/{file.Number}")).AssertProblemAsync(HttpStatusCode.Forbidden, "OfficeSuspended");
        await (await file.Operator.GetAsync(Workflow.RequestPath(returned))).AssertProblemAsync(HttpStatusCode.Forbidden, "OfficeSuspended");
        await (await file.Operator.GetAsync(Workflow.OrderPath(assessed))).AssertProblemAsync(HttpStatusCode.Forbidden, "OfficeSuspended");

        // Office management was asked about the service type at hand each time.
        var asked = Service.Offices.CallsFor(file.Office).Select(c => c.ServiceType).ToHashSet();
        Assert.Superset(new HashSet<string> { "URBAN_FILE", "NO_VIOLATION_CERTIFICATE", "SUPERVISING_ENGINEER" }, asked);
        Assert.All(Service.Offices.CallsFor(file.Office), c => Assert.Equal(Workflow.OperatorId, c.OperatorNationalId));

        Assert.Equal("Returned", (await (await reviewer.GetAsync(Workflow.RequestPath(returned))).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("FeeAssessed", (await (await reviewer.GetAsync(Workflow.RequestPath(assessed))).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(2, await Service.CountAsync("SELECT count(*) FROM service_requests WHERE file_number = @f", ("f", file.Number)));
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM payments p JOIN service_requests r ON r.id = p.request_id WHERE r.file_number = @f", ("f", file.Number)));

        // Reinstated, the same operator works again: the check is live, not a latch.
        Service.Offices.Allow(file.Office);
        await Service.AnnounceOfficeChangeAsync(file.Office);
        await Eventually.UntilAsync(
            async () => (await file.Operator.GetAsync(Workflow.RequestPath(assessed))).StatusCode == HttpStatusCode.OK,
            Within, "the reinstatement holding for the office's operator");
        await (await Service.ActAsync(file.Operator, returned, new { action = "submit" })).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Operator_writes_are_checked_for_the_requests_own_service_type()
    {
        var file = await Service.OpenFileAsync(district: 15, office: "LAW16");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(15));
        var (permit, _) = await BuildingPermitFeeAssessedAsync(file, reviewer);
        var (certificate, _) = await Service.FeeAssessedAsync(file, reviewer);

        // The office loses its building-permit licence, and only that.
        Service.Offices.Refuse(file.Office, "LicenceRevoked", "The BUILDING_PERMIT licence was revoked.", "BUILDING_PERMIT");
        await Service.AnnounceOfficeChangeAsync(file.Office);
        await Eventually.UntilAsync(
            async () => (await file.Operator.GetAsync(Workflow.RequestPath(permit))).StatusCode == HttpStatusCode.Forbidden,
            Within, "the revocation holding for the building permit");

        await (await Service.ActAsync(file.Operator, permit, new { action = "pay", receipt = Workflow.NewReference("POS") })).AssertProblemAsync(HttpStatusCode.Forbidden, "LicenceRevoked");
        await (await file.Operator.GetAsync(Workflow.OrderPath(permit))).AssertProblemAsync(HttpStatusCode.Forbidden, "LicenceRevoked");
        // The file itself (URBAN_FILE) and the office's other services are untouched.
        (await file.Operator.GetAsync($"{Requests.FilesPath}/{file.Number}")).EnsureSuccessStatusCode();
        (await Service.ActAsync(file.Operator, certificate, new { action = "pay", receipt = Workflow.NewReference("POS") })).EnsureSuccessStatusCode();
        Assert.Equal("FeeAssessed", (await (await reviewer.GetAsync(Workflow.RequestPath(permit))).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_reviewer_of_another_district_is_refused_every_reviewer_write_and_read_before_any_state_conflict()
    {
        var file = await Service.OpenFileAsync(district: 16, office: "LAW17");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(16));
        using var stranger = Service.CreateClient(TestTokens.Reviewer(17));
        var (id, _) = await Service.FeeAssessedAsync(file, reviewer);

        // Every reviewer action, each but one from the wrong state: still 403, never 409.
        foreach (var action in new object[]
        {
            new { action = "review" },
            new { action = "return", note = "n" },
            new { action = "reject", note = "n" },
            new { action = "assessFee" },
            new { action = "issue" },
        })
        {
            await (await Service.ActAsync(stranger, id, action)).AssertProblemAsync(HttpStatusCode.Forbidden, "WrongDistrict");
        }

        await (await stranger.PostAsJsonAsync($"{Requests.FilesPath}/{file.Number}/supervision", new { licenceNumber = "ENG-1" })).AssertProblemAsync(HttpStatusCode.Forbidden, "WrongDistrict");
        await (await stranger.PostAsJsonAsync($"{Requests.FilesPath}/{file.Number}/supervision/reports", new { stage = "Foundation", documentId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "WrongDistrict");
        await (await stranger.GetAsync($"{Requests.FilesPath}/{file.Number}")).AssertProblemAsync(HttpStatusCode.Forbidden, "WrongDistrict");
        await (await stranger.GetAsync(Workflow.RequestPath(id))).AssertProblemAsync(HttpStatusCode.Forbidden, "WrongDistrict");
        await (await stranger.GetAsync(Workflow.OrderPath(id))).AssertProblemAsync(HttpStatusCode.Forbidden, "WrongDistrict");

        // The district's own reviewer, from the wrong state, learns it is the wrong moment.
        await (await Service.ActAsync(reviewer, id, new { action = "review" })).AssertProblemAsync(HttpStatusCode.Conflict, "InvalidTransition");
        // Created Submitted, reviewed, assessed: the refusals wrote nothing.
        Assert.Equal(3, await Service.CountAsync("SELECT count(*) FROM request_transitions WHERE request_id = @r", ("r", Guid.Parse(id))));
    }

    [Fact]
    public async Task An_operator_of_another_office_reads_and_writes_nothing_of_the_file_and_office_management_is_not_asked()
    {
        var file = await Service.OpenFileAsync(district: 16, office: "LAW18");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(16));
        using var other = Service.CreateClient(TestTokens.Operator("LAW19", Workflow.OperatorId));
        var (id, _) = await Service.FeeAssessedAsync(file, reviewer);

        await (await Service.ActAsync(other, id, new { action = "pay", receipt = Workflow.NewReference("POS") })).AssertProblemAsync(HttpStatusCode.Forbidden, "NotFileOffice");
        await (await Service.ActAsync(other, id, new { action = "submit" })).AssertProblemAsync(HttpStatusCode.Forbidden, "NotFileOffice");
        await (await other.PostAsJsonAsync($"{Requests.FilesPath}/{file.Number}/supervision/reports", new { stage = "Foundation", documentId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "NotFileOffice");
        await (await other.GetAsync($"{Requests.FilesPath}/{file.Number}")).AssertProblemAsync(HttpStatusCode.Forbidden, "NotFileOffice");
        await (await other.GetAsync(Workflow.RequestPath(id))).AssertProblemAsync(HttpStatusCode.Forbidden, "NotFileOffice");
        await (await other.GetAsync(Workflow.OrderPath(id))).AssertProblemAsync(HttpStatusCode.Forbidden, "NotFileOffice");
        Assert.Empty(Service.Offices.CallsFor("LAW19"));
    }

    [Fact]
    public async Task Nothing_is_issued_while_the_property_is_under_legal_hold()
    {
        var file = await Service.OpenFileAsync(district: 16, office: "LAW20");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(16));
        using var stranger = Service.CreateClient(TestTokens.Reviewer(3));
        var (id, _) = await Service.FeeAssessedAsync(file, reviewer);
        (await Service.ActAsync(file.Operator, id, new { action = "pay", receipt = Workflow.NewReference("POS") })).EnsureSuccessStatusCode();

        Service.Properties.Hold(file.RenovationCode);
        var problem = await (await Service.ActAsync(reviewer, id, new { action = "issue" })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("LegalHold", problem.GetProperty("reason").GetString());
        Assert.Contains(file.RenovationCode, Service.Properties.PropertyCalls);
        // Who still comes first: a reviewer of another district learns nothing of the hold.
        await (await Service.ActAsync(stranger, id, new { action = "issue" })).AssertProblemAsync(HttpStatusCode.Forbidden, "WrongDistrict");
        var request = await (await reviewer.GetAsync(Workflow.RequestPath(id))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Paid", request.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, request.GetProperty("issuedNumber").ValueKind);
        Assert.DoesNotContain(await Service.OutboxRowsAsync("ServiceRequestStatusChanged", file.Number), c => c.Payload.GetProperty("toStatus").GetString() == "Issued");

        // Released, the same request is issued.
        Service.Properties.Hold(file.RenovationCode, held: false);
        var issued = await (await Service.ActAsync(reviewer, id, new { action = "issue" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Issued", issued.GetProperty("status").GetString());
    }

    private async Task<(string RequestId, System.Text.Json.JsonElement Order)> BuildingPermitFeeAssessedAsync(OpenedFile file, HttpClient reviewer)
    {
        Service.Documents.Hold(file.RenovationCode, "OWNERSHIP_DEED", "IDENTITY_DOCUMENT", "ARCHITECTURAL_PLAN", "STRUCTURAL_PLAN");
        var created = await (await file.Operator.PostAsJsonAsync(Workflow.RequestsPath(file.Number), new
        {
            serviceType = "BUILDING_PERMIT",
            details = new { floors = 2, areaM2 = 120, usage = "Residential" },
        })).AssertJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("requestId").GetString()!;
        (await Service.ActAsync(reviewer, id, new { action = "review" })).EnsureSuccessStatusCode();
        (await Service.ActAsync(reviewer, id, new { action = "assessFee" })).EnsureSuccessStatusCode();
        return (id, await (await reviewer.GetAsync(Workflow.OrderPath(id))).AssertJsonAsync(HttpStatusCode.OK));
    }
}
