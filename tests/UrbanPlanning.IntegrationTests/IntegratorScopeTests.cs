using System.Net;
using System.Net.Http.Json;
using CityEServices.Contracts.Security;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// Integrator clients reach what their scopes name and nothing else: reads of files and requests with
/// <c>urban-planning.read</c>, the payment order with that or <c>payments</c>, confirmations and
/// settlements with <c>payments</c>; every other endpoint is closed to clients (403
/// <c>insufficient_scope</c>). Without <c>pii.read</c> they never see a national ID.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class IntegratorScopeTests(WorkflowService service, ITestOutputHelper output) : ServiceTest<WorkflowService>(service, output), IClassFixture<WorkflowService>
{
    private const string Every = "every";

    [Fact]
    public async Task A_reader_client_reads_files_and_requests_with_the_applicants_national_id_masked_unless_granted_pii_read()
    {
        var file = await Service.OpenFileAsync(district: 8, office: "SCP8");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(8));
        var (id, _) = await Service.FeeAssessedAsync(file, reviewer);
        using var reader = Service.CreateClient(TestTokens.Integrator("utility-water", Scopes.UrbanPlanningRead));
        using var trusted = Service.CreateClient(TestTokens.Integrator("engineering-org", Scopes.UrbanPlanningRead, Scopes.PiiRead));

        var masked = await (await reader.GetAsync($"{Requests.FilesPath}/{file.Number}")).AssertJsonAsync(HttpStatusCode.OK);
        var shown = await (await trusted.GetAsync($"{Requests.FilesPath}/{file.Number}")).AssertJsonAsync(HttpStatusCode.OK);
        var staff = await (await reviewer.GetAsync($"{Requests.FilesPath}/{file.Number}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal($"{file.Applicant[..2]}******{file.Applicant[^2..]}", masked.GetProperty("applicantNationalId").GetString());
        Assert.DoesNotContain(file.Applicant, masked.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(file.Applicant, shown.GetProperty("applicantNationalId").GetString());
        Assert.Equal(file.Applicant, staff.GetProperty("applicantNationalId").GetString());
        Assert.Equal(id, Assert.Single(masked.GetProperty("requests").EnumerateArray()).GetProperty("requestId").GetString());
        (await reader.GetAsync(Workflow.RequestPath(id))).EnsureSuccessStatusCode();
        (await reader.GetAsync(Workflow.OrderPath(id))).EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData(Scopes.Payments)]
    [InlineData(Scopes.ArchiveRead)]
    [InlineData(Scopes.UrbanPlanningWrite)]
    [InlineData(Scopes.PiiRead)]
    [InlineData(null)]
    public async Task Without_urban_planning_read_a_client_reads_no_file_or_request(string? scope)
    {
        var file = await Service.OpenFileAsync(district: 8, office: "SCP8");
        var id = await Service.SubmittedRequestAsync(file);
        using var client = Service.CreateClient(scope is null ? TestTokens.Integrator("no-scopes") : TestTokens.Integrator("some-client", scope));

        using var fileAnswer = await client.GetAsync($"{Requests.FilesPath}/{file.Number}");
        var problem = await fileAnswer.AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("insufficient_scope", problem.GetProperty("reason").GetString());
        Assert.Contains(fileAnswer.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter!.Contains("insufficient_scope", StringComparison.Ordinal));
        await (await client.GetAsync(Workflow.RequestPath(id))).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task A_bank_reads_the_payment_order_but_not_the_file()
    {
        var file = await Service.OpenFileAsync(district: 8, office: "SCP8");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(8));
        var (id, order) = await Service.FeeAssessedAsync(file, reviewer);
        using var bank = Service.CreateClient(TestTokens.Integrator("bank-refah", Scopes.Payments));

        var read = await (await bank.GetAsync(Workflow.OrderPath(id))).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(order.GetProperty("orderId").GetString(), read.GetProperty("orderId").GetString());
        await (await bank.GetAsync($"{Requests.FilesPath}/{file.Number}")).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await bank.GetAsync(Workflow.RequestPath(id))).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task Every_write_but_the_banks_confirmation_is_closed_to_clients_whatever_they_were_granted()
    {
        var file = await Service.OpenFileAsync(district: 8, office: "SCP8");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(8));
        var (id, order) = await Service.FeeAssessedAsync(file, reviewer);
        using var client = Service.CreateClient(TestTokens.Integrator(Every, [.. Scopes.All]));
        Service.Properties.Register("8-77-1-1-0-0-0", 8, file.Applicant);

        var writes = new (string Path, object Body)[]
        {
            (Requests.FilesPath, new { renovationCode = "8-77-1-1-0-0-0", applicantNationalId = file.Applicant, officeCode = file.Office }),
            (Workflow.RequestsPath(file.Number), new { serviceType = "NO_VIOLATION_CERTIFICATE" }),
            ($"/api/urban-planning/requests/{id}/actions", new { action = "pay", receipt = Workflow.NewReference("POS") }),
            ($"/api/urban-planning/requests/{id}/actions", new { action = "review" }),
            ("/api/urban-planning/engineers", new { licenceNumber = "ENG-9", fullName = "مهندس", grade = "One", capacity = 1 }),
            ($"{Requests.FilesPath}/{file.Number}/supervision", new { licenceNumber = "ENG-9" }),
            ($"{Requests.FilesPath}/{file.Number}/supervision/reports", new { stage = "Foundation", documentId = Guid.NewGuid() }),
        };
        foreach (var (path, body) in writes)
        {
            await (await client.PostAsJsonAsync(path, body)).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        }

        await (await client.GetAsync("/api/urban-planning/engineers/ENG-9")).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM files WHERE renovation_code = '8-77-1-1-0-0-0'"));
        Assert.Equal("FeeAssessed", (await (await client.GetAsync(Workflow.RequestPath(id))).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());

        // Its own door stays open: the same client confirms the order as a bank.
        var confirmed = await (await Service.ConfirmAsync(client, order.GetProperty("orderId").GetString()!, order.GetProperty("amountRial").GetDecimal(), Workflow.NewReference()))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"client:{Every}", confirmed.GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task Confirmations_and_settlements_need_payments()
    {
        var file = await Service.OpenFileAsync(district: 8, office: "SCP8");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(8));
        var (_, order) = await Service.FeeAssessedAsync(file, reviewer);
        using var reader = Service.CreateClient(TestTokens.Integrator("reader", Scopes.UrbanPlanningRead, Scopes.UrbanPlanningWrite));

        await (await Service.ConfirmAsync(reader, order.GetProperty("orderId").GetString()!, 1_000_000m, Workflow.NewReference()))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await reader.GetAsync("/api/payments/settlements?date=1405/02/11")).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM payments WHERE order_id = @o", ("o", Guid.Parse(order.GetProperty("orderId").GetString()!))));
    }
}
