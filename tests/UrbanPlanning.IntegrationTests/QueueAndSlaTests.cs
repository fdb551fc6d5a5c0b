using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.Messaging.Jobs;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;
using CityEServices.UrbanPlanning.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// Staff work queues and file search (ordering by due date, district and office isolation, paging,
/// masking for clients) and the SLA sweeper (one breach, one event, however many replicas sweep).
/// Each test uses districts and offices of its own, so the shared database holds nothing else for them.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class QueueAndSlaTests(WorkflowService service, ITestOutputHelper output) : ServiceTest<WorkflowService>(service, output), IClassFixture<WorkflowService>
{
    private const string Queues = "/api/urban-planning/queues";

    private async Task<string> AwaitingRequestAsync(OpenedFile file)
    {
        var created = await (await file.Operator.PostAsJsonAsync(Workflow.RequestsPath(file.Number), new { serviceType = "NO_VIOLATION_CERTIFICATE" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("AwaitingDocuments", created.GetProperty("status").GetString());
        return created.GetProperty("requestId").GetString()!;
    }

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("requestId").GetString()!)];

    [Fact]
    public async Task A_reviewer_sees_their_districts_waiting_requests_oldest_due_first_and_another_district_sees_none()
    {
        var first = await Service.OpenFileAsync(district: 17, office: "QUE17");
        var second = await Service.OpenFileAsync(district: 17, office: "QUE17");
        var elsewhere = await Service.OpenFileAsync(district: 18, office: "QUE18");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(17));

        var early = await Service.SubmittedRequestAsync(first);
        Service.Clock.Advance(TimeSpan.FromDays(1));
        var late = await Service.SubmittedRequestAsync(second);
        (await Service.ActAsync(reviewer, late, new { action = "review" })).EnsureSuccessStatusCode();
        await Service.SubmittedRequestAsync(elsewhere);
        // Waiting on the citizen: not the reviewer's work.
        await AwaitingRequestAsync(await Service.OpenFileAsync(district: 17, office: "QUE17"));

        var queue = await (await reviewer.GetAsync($"{Queues}/review")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([early, late], Ids(queue));
        Assert.Equal(2, queue.GetProperty("total").GetInt32());
        var head = queue.GetProperty("items")[0];
        Assert.Equal("Submitted", head.GetProperty("status").GetString());
        Assert.Equal(first.Applicant, head.GetProperty("applicantNationalId").GetString());
        Assert.Equal(JsonValueKind.Number, head.GetProperty("workingDaysLeft").ValueKind);
        Assert.Equal("UnderReview", queue.GetProperty("items")[1].GetProperty("status").GetString());

        // Paged like every list.
        var page2 = await (await reviewer.GetAsync($"{Queues}/review?page=2&pageSize=1")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([late], Ids(page2));
        Assert.Equal(2, page2.GetProperty("total").GetInt32());
        await (await reviewer.GetAsync($"{Queues}/review?pageSize=500")).AssertProblemAsync(HttpStatusCode.BadRequest);

        // A reviewer of another district sees none of it.
        using var other = Service.CreateClient(TestTokens.Reviewer(16));
        var none = await (await other.GetAsync($"{Queues}/review")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Empty(Ids(none));

        // Not a reviewer's queue for an operator; never for a client.
        await (await first.Operator.GetAsync($"{Queues}/review")).AssertProblemAsync(HttpStatusCode.Forbidden, "RoleNotAllowed");
        using var client = Service.CreateClient(TestTokens.Integrator("queue-reader", Scopes.UrbanPlanningRead, Scopes.UrbanPlanningWrite));
        await (await client.GetAsync($"{Queues}/review")).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await client.GetAsync($"{Queues}/office")).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task An_operator_sees_their_offices_requests_waiting_on_the_office_or_the_citizen_while_authorised()
    {
        var file = await Service.OpenFileAsync(district: 19, office: "QUE19A");
        var foreign = await Service.OpenFileAsync(district: 19, office: "QUE19B");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(19));

        var awaiting = await AwaitingRequestAsync(file);
        var returned = await Service.SubmittedRequestAsync(file);
        (await Service.ActAsync(reviewer, returned, new { action = "review" })).EnsureSuccessStatusCode();
        (await Service.ActAsync(reviewer, returned, new { action = "return", note = "Deed unreadable" })).EnsureSuccessStatusCode();
        await AwaitingRequestAsync(foreign);

        var queue = await (await file.Operator.GetAsync($"{Queues}/office")).AssertJsonAsync(HttpStatusCode.OK);
        // The returned request has a due date (its clock started), the awaiting one none yet: due dates first.
        Assert.Equal([returned, awaiting], Ids(queue));
        var items = queue.GetProperty("items");
        Assert.Equal("Office", items[0].GetProperty("waitingOn").GetString());
        Assert.True(items[0].GetProperty("clockPaused").GetBoolean());
        Assert.Equal("Citizen", items[1].GetProperty("waitingOn").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("dueAt").ValueKind);
        Assert.Contains("IDENTITY_DOCUMENT", items[1].GetProperty("missingDocumentCategories").EnumerateArray().Select(c => c.GetString()));

        // The by-law as on every operator read: a suspended office reads nothing.
        Service.Offices.Refuse("QUE19A", "OfficeSuspended", "Suspended for the test.");
        await Service.AnnounceOfficeChangeAsync("QUE19A");
        await Eventually.UntilAsync(async () => (await file.Operator.GetAsync($"{Queues}/office")).StatusCode == HttpStatusCode.Forbidden, TimeSpan.FromSeconds(15), "the suspension reaches the queue");
        await (await file.Operator.GetAsync($"{Queues}/office")).AssertProblemAsync(HttpStatusCode.Forbidden, "OfficeSuspended");
        Service.Offices.Allow("QUE19A");
        await Service.AnnounceOfficeChangeAsync("QUE19A");
    }

    [Fact]
    public async Task File_search_finds_by_renovation_code_applicant_and_status_within_the_callers_reach_with_ids_masked_for_clients()
    {
        var file = await Service.OpenFileAsync(district: 20, office: "QUE20");
        var other = await Service.OpenFileAsync(district: 20, office: "QUE20");
        await Service.SubmittedRequestAsync(file);
        using var admin = Service.CreateClient(TestTokens.Admin());

        var byCode = await (await admin.GetAsync($"{Requests.FilesPath}?renovationCode={file.RenovationCode}")).AssertJsonAsync(HttpStatusCode.OK);
        var found = Assert.Single(byCode.GetProperty("items").EnumerateArray());
        Assert.Equal(file.Number, found.GetProperty("fileNumber").GetString());
        Assert.Equal(file.Applicant, found.GetProperty("applicantNationalId").GetString());
        Assert.Equal(["Submitted"], found.GetProperty("requestStatuses").EnumerateArray().Select(s => s.GetString()));

        var byApplicant = await (await admin.GetAsync($"{Requests.FilesPath}?applicantNationalId={other.Applicant}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(other.Number, Assert.Single(byApplicant.GetProperty("items").EnumerateArray()).GetProperty("fileNumber").GetString());

        // Status: files with a request in it, here within the office's reach (the operator's own office).
        var submitted = await (await file.Operator.GetAsync($"{Requests.FilesPath}?status=Submitted&pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([file.Number], submitted.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fileNumber").GetString()));

        // A reviewer of the district finds it; one of another district does not.
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(20));
        using var stranger = Service.CreateClient(TestTokens.Reviewer(21));
        Assert.Equal(1, (await (await reviewer.GetAsync($"{Requests.FilesPath}?renovationCode={file.RenovationCode}")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await stranger.GetAsync($"{Requests.FilesPath}?renovationCode={file.RenovationCode}")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());

        // Clients with urban-planning.read search every district, national IDs masked without pii.read.
        using var reader = Service.CreateClient(TestTokens.Integrator("search-reader", Scopes.UrbanPlanningRead));
        var masked = Assert.Single((await (await reader.GetAsync($"{Requests.FilesPath}?renovationCode={file.RenovationCode}")).AssertJsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray());
        Assert.NotEqual(file.Applicant, masked.GetProperty("applicantNationalId").GetString());
        Assert.Contains("*", masked.GetProperty("applicantNationalId").GetString());
        using var writer = Service.CreateClient(TestTokens.Integrator("search-writer", Scopes.UrbanPlanningWrite));
        await (await writer.GetAsync(Requests.FilesPath)).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");

        // Paging and bad filters.
        var paged = await (await reviewer.GetAsync($"{Requests.FilesPath}?pageSize=1&page=2")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, paged.GetProperty("total").GetInt32());
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        var invalid = await (await admin.GetAsync($"{Requests.FilesPath}?status=Sleeping&applicantNationalId=123")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("status", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("applicantNationalId", out _));
    }

    [Fact]
    public async Task Two_sweepers_publish_one_breach_event_for_one_breach()
    {
        var file = await Service.OpenFileAsync(district: 22, office: "QUE22");
        var id = await Service.SubmittedRequestAsync(file);
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(22));
        var sweepers = new[] { Sweeper(), Sweeper() };
        var leases = Service.Factory.Services.GetRequiredService<JobLeases<UrbanPlanningDbContext>>();

        // Not yet due: a sweep announces nothing.
        await leases.TriggerAsync(SlaSweeper.JobName, default);
        await Task.WhenAll(sweepers.Select(s => s.RunIfDueAsync(default)));
        Assert.Empty(await Service.OutboxRowsAsync("ServiceRequestSlaBreached", file.Number));

        // Sixty calendar days on, the seven working days are long past.
        Service.Clock.Advance(TimeSpan.FromDays(60));
        for (var round = 0; round < 3; round++)
        {
            await leases.TriggerAsync(SlaSweeper.JobName, default);
            var ran = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => sweepers[i % 2].RunIfDueAsync(default)));
            Assert.True(ran.Count(r => r) <= 1, "the lease lets one replica sweep at a time");
        }

        var row = Assert.Single(await Service.OutboxRowsAsync("ServiceRequestSlaBreached", file.Number));
        Assert.Equal(id, row.Payload.GetProperty("requestId").GetString());
        Assert.Equal("QUE22", row.Payload.GetProperty("officeCode").GetString());
        Assert.Equal(22, row.Payload.GetProperty("district").GetInt32());
        Assert.Equal("NO_VIOLATION_CERTIFICATE", row.Payload.GetProperty("serviceType").GetString());
        Assert.True(row.Payload.GetProperty("breachedAt").GetDateTimeOffset() > row.Payload.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM sla_breaches WHERE request_id = @id", ("id", Guid.Parse(id))));

        // The queue shows it breached, at the head of the district's queue.
        var queue = await (await reviewer.GetAsync($"{Queues}/review")).AssertJsonAsync(HttpStatusCode.OK);
        var head = queue.GetProperty("items")[0];
        Assert.Equal(id, head.GetProperty("requestId").GetString());
        Assert.True(head.GetProperty("slaBreached").GetBoolean());
        Assert.True(head.GetProperty("workingDaysLeft").GetInt32() < 0);
    }

    /// <summary>A sweeper as another replica runs it: its own lease holder, the same database.</summary>
    private SlaSweeper Sweeper() =>
        ActivatorUtilities.CreateInstance<SlaSweeper>(Service.Factory.Services, Options.Create(new SlaOptions { SweepInterval = TimeSpan.FromHours(1) }));
}
