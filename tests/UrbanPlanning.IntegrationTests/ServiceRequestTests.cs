using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// Service requests inside the real service: the archive asked once, documents completing through
/// DocumentArchived on RabbitMQ, each action by its role from its state, every move recorded and
/// announced through the outbox, and the citizen's tracking answer.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ServiceRequestTests(WorkflowService service, ITestOutputHelper output) : ServiceTest<WorkflowService>(service, output), IClassFixture<WorkflowService>
{
    private const string OperatorId = Workflow.OperatorId;

    private static readonly object BuildingDetails = new { floors = 4, areaM2 = 250, usage = "Residential" };

    [Fact]
    public async Task Building_permit_waits_for_documents_then_walks_review_fee_payment_issue()
    {
        var (file, renovationCode, tracking, applicant, op) = await OpenFileAsync(district: 12, office: "OFC12");
        Service.Documents.Hold(renovationCode, "OWNERSHIP_DEED", "IDENTITY_DOCUMENT");

        var created = await (await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "BUILDING_PERMIT", details = BuildingDetails }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("requestId").GetString()!;
        Assert.Equal("AwaitingDocuments", created.GetProperty("status").GetString());
        Assert.Equal(["ARCHITECTURAL_PLAN", "STRUCTURAL_PLAN"], created.GetProperty("missingDocumentCategories").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("dueAt").ValueKind);
        var asked = Assert.Single(Service.Documents.Calls, c => c.FileNumber == file);
        Assert.Equal(renovationCode, asked.RenovationCode);

        // The archive reports the two missing plans; a document of another file changes nothing.
        await Service.ArchiveAsync("ARCHITECTURAL_PLAN", "12999999999", "12-9-9-9-0-0-0");
        await Service.ArchiveAsync("ARCHITECTURAL_PLAN", file, renovationCode);
        await Service.ArchiveAsync("STRUCTURAL_PLAN", null, renovationCode);
        var submitted = await WaitForStatusAsync(op, id, "Submitted");
        Assert.Empty(submitted.GetProperty("missingDocumentCategories").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, submitted.GetProperty("dueAt").ValueKind);
        var submittedEvent = Assert.Single(await Service.OutboxRowsAsync("ServiceRequestSubmitted", file));
        Assert.Equal("OFC12", submittedEvent.Payload.GetProperty("officeCode").GetString());

        using var reviewer = Service.CreateClient(TestTokens.Reviewer(12));
        using var otherReviewer = Service.CreateClient(TestTokens.Reviewer(5));
        await AssertProblemAsync(await ActAsync(otherReviewer, id, new { action = "review" }), HttpStatusCode.Forbidden, "WrongDistrict");
        await AssertProblemAsync(await ActAsync(reviewer, id, new { action = "issue" }), HttpStatusCode.Conflict, "InvalidTransition");
        await AssertProblemAsync(await ActAsync(op, id, new { action = "review" }), HttpStatusCode.Forbidden, "RoleNotAllowed");

        (await ActAsync(reviewer, id, new { action = "review", note = "Checking the plans." })).EnsureSuccessStatusCode();
        var assessed = await (await ActAsync(reviewer, id, new { action = "assessFee" })).AssertJsonAsync(HttpStatusCode.OK);
        // Rules v2 (1405 tariff): 6,000,000 + 150,000 × 250 m² + 1,000,000 × 4 floors.
        Assert.Equal(47_500_000m, assessed.GetProperty("feeRial").GetDecimal());
        Assert.Equal(2, assessed.GetProperty("rulesVersion").GetInt32());

        // Issuing before payment is a conflict; a wrong amount at the counter is refused and pays nothing.
        await AssertProblemAsync(await ActAsync(reviewer, id, new { action = "issue" }), HttpStatusCode.Conflict, "InvalidTransition");
        await AssertProblemAsync(await ActAsync(op, id, new { action = "pay", amount = 1000, receipt = Workflow.NewReference("POS") }), HttpStatusCode.UnprocessableEntity, "AmountMismatch");
        var posReference = Workflow.NewReference("POS");
        var paid = await (await ActAsync(op, id, new { action = "pay", amount = 47_500_000, receipt = posReference })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        var order = await (await op.GetAsync(Workflow.OrderPath(id))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        Assert.Equal("Counter", order.GetProperty("payment").GetProperty("channel").GetString());
        Assert.Equal(posReference, order.GetProperty("payment").GetProperty("reference").GetString());
        Assert.Equal("OFC12", order.GetProperty("payment").GetProperty("payer").GetString());
        var issued = await (await ActAsync(reviewer, id, new { action = "issue", note = "Approved." })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Issued", issued.GetProperty("status").GetString());
        var permitNumber = issued.GetProperty("issuedNumber").GetString();
        // The permit's number is its document's: unguessable, nothing in it counts (never BP-<file>-01).
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{13}$", permitNumber);
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM issued_documents WHERE number = @n AND request_id = @r", ("n", permitNumber!), ("r", Guid.Parse(id))));

        // Every move is recorded with who, when, why, from and to.
        var history = issued.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(
            ["->AwaitingDocuments", "AwaitingDocuments->Submitted", "Submitted->UnderReview", "UnderReview->FeeAssessed", "FeeAssessed->Paid", "Paid->Issued"],
            history.Select(h => $"{(h.GetProperty("fromStatus").ValueKind == JsonValueKind.Null ? "" : h.GetProperty("fromStatus").GetString())}->{h.GetProperty("toStatus").GetString()}"));
        // Who is an id, never a display name: the service itself on the archive's word, then staff by user id.
        Assert.Equal("system:urbanplanning", history[1].GetProperty("actor").GetString());
        Assert.All(history.Where((_, i) => i != 1), h => Assert.Matches("^user:[0-9a-f]{32}$", h.GetProperty("actor").GetString()));
        Assert.Equal("Approved.", history[^1].GetProperty("note").GetString());
        // The service's clock is pinned (WorkflowService.Start, 1405/02/11 10:00 Tehran) and moves a minute per action.
        Assert.Equal(Service.Clock.GetUtcNow(), history[^1].GetProperty("at").GetProperty("utc").GetDateTimeOffset());
        Assert.Matches(@"^1405/02/11 1\d:\d\d$", history[^1].GetProperty("at").GetProperty("jalali").GetString());
        var submittedAt = history[1].GetProperty("at").GetProperty("utc").GetDateTimeOffset();

        // Announced: a status change per move (the archive's included), and the permit itself.
        var changes = await Service.OutboxRowsAsync("ServiceRequestStatusChanged", file);
        Assert.Equal(["Submitted", "UnderReview", "FeeAssessed", "Paid", "Issued"], changes.Select(c => c.Payload.GetProperty("toStatus").GetString()));
        Assert.All(changes, c => Assert.Equal(JsonValueKind.String, c.Payload.GetProperty("dueAt").ValueKind));
        Assert.Equal(history.Skip(1).Select(h => h.GetProperty("actor").GetString()), changes.Select(c => c.Payload.GetProperty("actor").GetString()));
        var permit = Assert.Single(await Service.OutboxRowsAsync("BuildingPermitIssued", file)).Payload;
        Assert.Equal(permitNumber, permit.GetProperty("permitNumber").GetString());
        Assert.Equal(4, permit.GetProperty("floors").GetInt32());
        Assert.Equal(250m, permit.GetProperty("buildingAreaM2").GetDecimal());
        Assert.Equal(renovationCode, permit.GetProperty("renovationCode").GetString());

        // The file shows its request and history.
        var fileView = await (await op.GetAsync($"{Requests.FilesPath}/{file}")).AssertJsonAsync(HttpStatusCode.OK);
        var listed = Assert.Single(fileView.GetProperty("requests").EnumerateArray());
        Assert.Equal(6, listed.GetProperty("history").GetArrayLength());

        // The citizen sees the whole timeline, anonymously, with their national ID only.
        using var anonymous = Service.CreateClient();
        var track = await (await anonymous.GetAsync($"/api/track/{tracking}?nationalId={applicant}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(file, track.GetProperty("fileNumber").GetString());
        Assert.Equal(12, track.GetProperty("district").GetInt32());
        var tracked = Assert.Single(track.GetProperty("requests").EnumerateArray());
        Assert.Equal("Issued", tracked.GetProperty("status").GetString());
        Assert.Equal("پروانه ساختمانی", tracked.GetProperty("serviceTitleFa").GetString());
        Assert.False(tracked.GetProperty("slaBreached").GetBoolean());
        Assert.Equal(6, tracked.GetProperty("timeline").GetArrayLength());
        // Thirty working days from the moment the last document arrived (a Friday, so from Saturday 02/12):
        // Fridays, Eid al-Adha (03/06), Ghadir and 14–15 Khordad do not count, so the clock ends with 03/17.
        Assert.Equal(CityEServices.Iran.WorkingDays.Add(submittedAt, 30), tracked.GetProperty("dueAt").GetProperty("utc").GetDateTimeOffset());
        Assert.Equal("1405/03/18 00:00", tracked.GetProperty("dueAt").GetProperty("jalali").GetString());
        Assert.False(tracked.GetProperty("timeline")[0].TryGetProperty("actor", out _), "the citizen's timeline names no staff");
    }

    [Fact]
    public async Task Tracking_answers_the_same_404_for_an_unknown_code_and_a_wrong_national_id_and_refreshes_on_every_move()
    {
        var (file, renovationCode, tracking, applicant, op) = await OpenFileAsync(district: 7, office: "OFC7");
        using var anonymous = Service.CreateClient();

        var first = await (await anonymous.GetAsync($"/api/track/{tracking}?nationalId={applicant}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Empty(first.GetProperty("requests").EnumerateArray());
        Assert.Equal(1, await RedisKeysAsync(tracking));

        var wrongId = await anonymous.GetAsync($"/api/track/{tracking}?nationalId={NationalIds.Next()}");
        var unknownCode = await anonymous.GetAsync($"/api/track/23456789ABCDE?nationalId={applicant}");
        var noId = await anonymous.GetAsync($"/api/track/{tracking}");
        var garbage = await anonymous.GetAsync($"/api/track/not-a-code?nationalId={applicant}");
        var bodies = new List<string>();
        foreach (var response in new[] { wrongId, unknownCode, noId, garbage })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            bodies.Add(StripTraceId(await response.Content.ReadAsStringAsync()));
        }

        // Only the instance (the path asked) differs.
        Assert.True(bodies.Distinct().Count() == 1, string.Join("\n", bodies));

        // A new request is seen at once (the cached entry was dropped after the commit).
        Service.Documents.Hold(file, "OWNERSHIP_DEED", "IDENTITY_DOCUMENT");
        var created = await (await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "NO_VIOLATION_CERTIFICATE" })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Submitted", created.GetProperty("status").GetString());
        var second = await (await anonymous.GetAsync($"/api/track/{tracking}?nationalId={applicant}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Submitted", Assert.Single(second.GetProperty("requests").EnumerateArray()).GetProperty("status").GetString());

        using var reviewer = Service.CreateClient(TestTokens.Reviewer(7));
        var id = created.GetProperty("requestId").GetString()!;
        (await ActAsync(reviewer, id, new { action = "review" })).EnsureSuccessStatusCode();
        var returned = await (await ActAsync(reviewer, id, new { action = "return", note = "The deed scan is unreadable.", reasonCode = "MissingDocuments" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        var third = await (await anonymous.GetAsync($"/api/track/{tracking}?nationalId={applicant}")).AssertJsonAsync(HttpStatusCode.OK);
        var timeline = Assert.Single(third.GetProperty("requests").EnumerateArray()).GetProperty("timeline");
        Assert.Equal("The deed scan is unreadable.", timeline[timeline.GetArrayLength() - 1].GetProperty("note").GetString());

        var returnedEvent = (await Service.OutboxRowsAsync("ServiceRequestStatusChanged", file)).Last().Payload;
        Assert.Equal("MissingDocuments", returnedEvent.GetProperty("reasonCode").GetString());
        Assert.Equal("Returned", returnedEvent.GetProperty("toStatus").GetString());

        // The operator resubmits.
        (await ActAsync(op, id, new { action = "submit" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Refusals_write_nothing()
    {
        var (file, _, _, _, op) = await OpenFileAsync(district: 3, office: "OFC3");

        // Office management refuses the service type: its reason passes through.
        Service.Offices.Refuse("OFC3", "OfficeNotLicensed", "OFC3 holds no EXCAVATION_PERMIT licence.");
        try
        {
            await AssertProblemAsync(
                await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "EXCAVATION_PERMIT", details = new { street = "Azadi", lengthM = 10, depthM = 1, durationDays = 5, restorationDepositRial = 1000 } }),
                HttpStatusCode.Forbidden, "OfficeNotLicensed");
            var asked = Service.Offices.CallsFor("OFC3").Last();
            Assert.Equal("EXCAVATION_PERMIT", asked.ServiceType);
            Assert.Equal(OperatorId, asked.OperatorNationalId);
        }
        finally
        {
            Service.Offices.Allow("OFC3");
        }

        // Bad details, unknown type, another office, no building permit yet.
        var invalid = await (await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "BUILDING_PERMIT", details = new { floors = 0, usage = "Castle" } }))
            .AssertJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["details.areaM2", "details.floors", "details.usage"], invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "URBAN_FILE" })).StatusCode);
        // Another office may take the file up only when office management licenses it for the type.
        using var otherOffice = Service.CreateClient(TestTokens.Operator("OFC4", OperatorId));
        Service.Offices.Refuse("OFC4", "OfficeNotLicensed", "OFC4 is not licensed for NO_VIOLATION_CERTIFICATE.");
        try
        {
            await AssertProblemAsync(await otherOffice.PostAsJsonAsync(RequestsPath(file), new { serviceType = "NO_VIOLATION_CERTIFICATE" }), HttpStatusCode.Forbidden, "OfficeNotLicensed");
        }
        finally
        {
            Service.Offices.Allow("OFC4");
        }

        await AssertProblemAsync(
            await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "WASTE_CONTRACT", details = new { volumeM3 = 30, hauler = "Pak Haul", disposalSite = "Aradkooh" } }),
            HttpStatusCode.Conflict, "BuildingPermitNotIssued");
        await AssertProblemAsync(await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "COMPLETION_CERTIFICATE" }), HttpStatusCode.Conflict, "BuildingPermitNotIssued");
        Assert.Equal(HttpStatusCode.NotFound, (await op.PostAsJsonAsync(RequestsPath("03999999999"), new { serviceType = "NO_VIOLATION_CERTIFICATE" })).StatusCode);

        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM service_requests WHERE file_number = @f", ("f", file)));
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(op, Guid.NewGuid().ToString(), new { action = "pay", receipt = Workflow.NewReference() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(op, Guid.NewGuid().ToString(), new { action = "fly" })).StatusCode);
    }

    [Fact]
    public async Task Supervision_waste_contract_and_completion_certificate_follow_an_issued_building_permit()
    {
        var (file, renovationCode, _, _, op) = await OpenFileAsync(district: 14, office: "OFC14");
        var (otherFile, otherCode, _, _, _) = await OpenFileAsync(district: 14, office: "OFC14");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(14));
        using var admin = Service.CreateClient(TestTokens.Admin());
        var licence = $"ENG-{Guid.NewGuid().ToString("N")[..8]}".ToUpperInvariant();
        var engineer = new { licenceNumber = licence, fullName = "مهندس ناظر", grade = "One", capacity = 1 };
        await AssertProblemAsync(await reviewer.PostAsJsonAsync("/api/urban-planning/engineers", engineer), HttpStatusCode.Forbidden, "RoleNotAllowed");
        (await admin.PostAsJsonAsync("/api/urban-planning/engineers", engineer)).EnsureSuccessStatusCode();
        await AssertProblemAsync(await admin.PostAsJsonAsync("/api/urban-planning/engineers", engineer with { licenceNumber = licence.ToLowerInvariant() }), HttpStatusCode.Conflict, "EngineerExists");

        // No permit yet: no supervisor.
        await AssertProblemAsync(await reviewer.PostAsJsonAsync($"{Requests.FilesPath}/{file}/supervision", new { licenceNumber = licence }), HttpStatusCode.Conflict, "BuildingPermitNotIssued");

        var permitNumber = await IssueBuildingPermitAsync(file, renovationCode, op, reviewer);
        await IssueBuildingPermitAsync(otherFile, otherCode, op, reviewer);

        // Waste contract now allowed, and issuing it signs the contract.
        Service.Documents.Hold(file, "OWNERSHIP_DEED", "IDENTITY_DOCUMENT", "ARCHITECTURAL_PLAN", "STRUCTURAL_PLAN");
        var waste = await (await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "WASTE_CONTRACT", details = new { volumeM3 = 30, hauler = "Pak Haul", disposalSite = "Aradkooh" } }))
            .AssertJsonAsync(HttpStatusCode.Created);
        await WalkToIssuedAsync(waste.GetProperty("requestId").GetString()!, op, reviewer);
        var contract = Assert.Single(await Service.OutboxRowsAsync("WasteContractSigned", file)).Payload;
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{13}$", contract.GetProperty("contractNumber").GetString());
        Assert.Equal(30m, contract.GetProperty("volumeM3").GetDecimal());

        // Assign within capacity; the engineer's single place is then taken.
        using var otherReviewer = Service.CreateClient(TestTokens.Reviewer(1));
        await AssertProblemAsync(await otherReviewer.PostAsJsonAsync($"{Requests.FilesPath}/{file}/supervision", new { licenceNumber = licence }), HttpStatusCode.Forbidden, "WrongDistrict");
        var assigned = await (await reviewer.PostAsJsonAsync($"{Requests.FilesPath}/{file}/supervision", new { licenceNumber = licence })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(permitNumber, assigned.GetProperty("permitNumber").GetString());
        await AssertProblemAsync(await reviewer.PostAsJsonAsync($"{Requests.FilesPath}/{otherFile}/supervision", new { licenceNumber = licence }), HttpStatusCode.Conflict, "EngineerAtCapacity");
        var announced = Assert.Single(await Service.OutboxRowsAsync("SupervisorAssigned", file)).Payload;
        Assert.Equal(licence, announced.GetProperty("engineerLicenceNumber").GetString());

        // Completion needs the Final report, which needs the stages in order, each citing an archived report.
        await AssertProblemAsync(await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "COMPLETION_CERTIFICATE" }), HttpStatusCode.Conflict, "FinalSupervisorReportMissing");
        await AssertProblemAsync(await op.PostAsJsonAsync($"{Requests.FilesPath}/{file}/supervision/reports", new { stage = "Skeleton", documentId = Guid.NewGuid() }), HttpStatusCode.Conflict, "StageOutOfOrder");
        await AssertProblemAsync(await op.PostAsJsonAsync($"{Requests.FilesPath}/{file}/supervision/reports", new { stage = "Foundation", documentId = Guid.NewGuid() }), HttpStatusCode.Conflict, "DocumentNotArchived");
        foreach (var stage in new[] { "Foundation", "Skeleton", "Finishing", "Final" })
        {
            Service.Clock.Advance(TimeSpan.FromMinutes(1));
            var documentId = Guid.NewGuid();
            await Service.ArchiveAsync("SUPERVISOR_REPORT", file, renovationCode, documentId);
            await Eventually.UntilAsync(
                async () => await Service.CountAsync("SELECT count(*) FROM archived_documents WHERE document_id = @d", ("d", documentId)) == 1,
                TimeSpan.FromSeconds(15), $"document {documentId} known");
            await (await op.PostAsJsonAsync($"{Requests.FilesPath}/{file}/supervision/reports", new { stage, documentId })).AssertJsonAsync(HttpStatusCode.Created);
        }

        Assert.Equal(4, (await Service.OutboxRowsAsync("SupervisorReportFiled", file)).Count);
        var supervised = await (await reviewer.GetAsync($"{Requests.FilesPath}/{file}")).AssertJsonAsync(HttpStatusCode.OK);
        var supervision = Assert.Single(supervised.GetProperty("supervision").EnumerateArray());
        Assert.Equal(licence, supervision.GetProperty("licenceNumber").GetString());
        Assert.NotEqual(JsonValueKind.Null, supervision.GetProperty("completedAt").ValueKind);
        Assert.Equal(["Foundation", "Skeleton", "Finishing", "Final"], supervision.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("stage").GetString()));
        // The Final report freed the engineer.
        (await reviewer.PostAsJsonAsync($"{Requests.FilesPath}/{otherFile}/supervision", new { licenceNumber = licence })).EnsureSuccessStatusCode();

        Service.Documents.Hold(file, "OWNERSHIP_DEED", "SUPERVISOR_REPORT");
        var completion = await (await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "COMPLETION_CERTIFICATE" })).AssertJsonAsync(HttpStatusCode.Created);
        await WalkToIssuedAsync(completion.GetProperty("requestId").GetString()!, op, reviewer);
        var certificate = Assert.Single(await Service.OutboxRowsAsync("CompletionCertificateIssued", file)).Payload;
        Assert.Equal(4, certificate.GetProperty("floors").GetInt32());
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{13}$", certificate.GetProperty("certificateNumber").GetString());
        Assert.NotEqual(permitNumber, certificate.GetProperty("certificateNumber").GetString());
    }

    [Fact]
    public async Task A_bank_pays_through_the_payment_order_and_a_request_starts_submitted_when_the_archive_holds_everything()
    {
        var (file, renovationCode, _, _, op) = await OpenFileAsync(district: 9, office: "OFC9");
        Service.Documents.Hold(renovationCode, "IDENTITY_DOCUMENT", "SITE_PLAN");
        var created = await (await op.PostAsJsonAsync(RequestsPath(file), new
        {
            serviceType = "excavation_permit",
            details = new { street = "خیابان آزادی", lengthM = 12, depthM = 1.5, durationDays = 10, restorationDepositRial = 5_000_000 },
        })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Submitted", created.GetProperty("status").GetString());
        var id = created.GetProperty("requestId").GetString()!;

        using var reviewer = Service.CreateClient(TestTokens.Reviewer(9));
        using var bank = Service.CreateClient(TestTokens.Integrator("bank-mellat", Scopes.Payments));
        (await ActAsync(reviewer, id, new { action = "review" })).EnsureSuccessStatusCode();
        // Clients reach no action at all, whatever they were granted; the bank has its own door.
        await AssertProblemAsync(await ActAsync(bank, id, new { action = "assessFee" }), HttpStatusCode.Forbidden, "insufficient_scope");
        (await ActAsync(reviewer, id, new { action = "assessFee" })).EnsureSuccessStatusCode();
        await AssertProblemAsync(await ActAsync(bank, id, new { action = "pay", receipt = "SHETAB-1" }), HttpStatusCode.Forbidden, "insufficient_scope");

        // 2,000,000 + 300,000 × 12 m + 50,000 × 10 days.
        var order = await (await bank.GetAsync(Workflow.OrderPath(id))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(6_100_000m, order.GetProperty("amountRial").GetDecimal());
        var confirmed = await (await Service.ConfirmAsync(bank, order.GetProperty("orderId").GetString()!, 6_100_000m, Workflow.NewReference("SHETAB")))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Bank", confirmed.GetProperty("channel").GetString());

        var paid = await (await reviewer.GetAsync(Workflow.RequestPath(id))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        Assert.Equal("client:bank-mellat", paid.GetProperty("history").EnumerateArray().Last().GetProperty("actor").GetString());
        (await ActAsync(reviewer, id, new { action = "issue" })).EnsureSuccessStatusCode();
        var dig = Assert.Single(await Service.OutboxRowsAsync("ExcavationPermitIssued", file)).Payload;
        Assert.Equal("خیابان آزادی", dig.GetProperty("street").GetString());
        Assert.Equal(10, dig.GetProperty("durationDays").GetInt32());
    }

    [Fact]
    public async Task Racing_counter_payments_on_one_request_move_it_once()
    {
        var (file, _, _, _, op) = await OpenFileAsync(district: 20, office: "OFC20");
        Service.Documents.Hold(file, "OWNERSHIP_DEED", "IDENTITY_DOCUMENT");
        var created = await (await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "NO_VIOLATION_CERTIFICATE" })).AssertJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("requestId").GetString()!;
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(20));
        using var colleague = Service.CreateClient(TestTokens.Operator("OFC20", "0076229645"));
        (await ActAsync(reviewer, id, new { action = "review" })).EnsureSuccessStatusCode();
        (await ActAsync(reviewer, id, new { action = "assessFee" })).EnsureSuccessStatusCode();

        // Two operators of the office record the fee at once, each with a terminal reference of its own: one wins, the others are 409s.
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? op : colleague).PostAsJsonAsync($"/api/urban-planning/requests/{id}/actions", new { action = "pay", receipt = Workflow.NewReference("POS") })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM request_transitions WHERE request_id = @r AND to_status = 'Paid'", ("r", Guid.Parse(id))));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM payments WHERE request_id = @r", ("r", Guid.Parse(id))));
        Assert.Single(await Service.OutboxRowsAsync("ServiceRequestStatusChanged", file), c => c.Payload.GetProperty("toStatus").GetString() == "Paid");
    }

    private async Task<string> IssueBuildingPermitAsync(string file, string renovationCode, HttpClient op, HttpClient reviewer)
    {
        Service.Documents.Hold(renovationCode, "OWNERSHIP_DEED", "IDENTITY_DOCUMENT", "ARCHITECTURAL_PLAN", "STRUCTURAL_PLAN");
        var created = await (await op.PostAsJsonAsync(RequestsPath(file), new { serviceType = "BUILDING_PERMIT", details = BuildingDetails })).AssertJsonAsync(HttpStatusCode.Created);
        return await WalkToIssuedAsync(created.GetProperty("requestId").GetString()!, op, reviewer);
    }

    private async Task<string> WalkToIssuedAsync(string id, HttpClient op, HttpClient reviewer)
    {
        (await ActAsync(reviewer, id, new { action = "review" })).EnsureSuccessStatusCode();
        (await ActAsync(reviewer, id, new { action = "assessFee" })).EnsureSuccessStatusCode();
        (await ActAsync(op, id, new { action = "pay", receipt = Workflow.NewReference("POS") })).EnsureSuccessStatusCode();
        var issued = await (await ActAsync(reviewer, id, new { action = "issue" })).AssertJsonAsync(HttpStatusCode.OK);
        return issued.GetProperty("issuedNumber").GetString()!;
    }

    /// <summary>An action, a minute after the last: each move gets its own instant, so histories and events have one order.</summary>
    private Task<HttpResponseMessage> ActAsync(HttpClient client, string requestId, object body) => Service.ActAsync(client, requestId, body);

    private async Task<(string File, string RenovationCode, string Tracking, string Applicant, HttpClient Operator)> OpenFileAsync(int district, string office)
    {
        var opened = await Service.OpenFileAsync(district, office);
        return (opened.Number, opened.RenovationCode, opened.Tracking, opened.Applicant, opened.Operator);
    }

    private static string RequestsPath(string file) => Workflow.RequestsPath(file);

    private static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string requestId, string status)
    {
        JsonElement last = default;
        await Eventually.UntilAsync(
            async () =>
            {
                last = await (await client.GetAsync($"/api/urban-planning/requests/{requestId}")).AssertJsonAsync(HttpStatusCode.OK);
                return last.GetProperty("status").GetString() == status;
            },
            TimeSpan.FromSeconds(15),
            $"request {requestId} {status}");
        return last;
    }

    private static Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string reason) => response.AssertProblemAsync(status, reason);

    private async Task<long> RedisKeysAsync(string trackingCode)
    {
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Service.Servers.Redis.ConnectionString);
        return await redis.GetDatabase().KeyExistsAsync(CityEServices.UrbanPlanning.Infrastructure.TrackingCache.Key(trackingCode)) ? 1 : 0;
    }

    private static string StripTraceId(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"(traceId|instance)\":\"[^\"]*\"", string.Empty);
}
