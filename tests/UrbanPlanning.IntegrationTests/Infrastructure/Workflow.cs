using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Events;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>A file opened by an operator at an office, with that operator's client.</summary>
public sealed record OpenedFile(string Number, string RenovationCode, string Tracking, string Applicant, HttpClient Operator, string Office);

/// <summary>The steps the workflow tests take again and again, against a <see cref="WorkflowService"/>.</summary>
public static class Workflow
{
    public const string OperatorId = "1583250689";

    private static int _nextParcel;

    /// <summary>An operator of <paramref name="office"/> opens a file for a new property of <paramref name="district"/>.</summary>
    public static async Task<OpenedFile> OpenFileAsync(this WorkflowService service, int district, string office, string operatorId = OperatorId)
    {
        var applicant = NationalIds.Next();
        var renovationCode = $"{district}-{Interlocked.Increment(ref _nextParcel)}-{Random.Shared.Next(1, 99999)}-1-0-0-0";
        service.Properties.Register(renovationCode, district, applicant);
        var op = service.CreateClient(TestTokens.Operator(office, operatorId));
        var opened = await (await op.OpenFileAsync(renovationCode, applicant, office)).AssertJsonAsync(HttpStatusCode.Created);
        return new OpenedFile(opened.GetProperty("fileNumber").GetString()!, renovationCode, opened.GetProperty("trackingCode").GetString()!, applicant, op, office);
    }

    public static string RequestsPath(string file) => $"{Requests.FilesPath}/{file}/requests";

    public static string RequestPath(string requestId) => $"/api/urban-planning/requests/{requestId}";

    public static string OrderPath(string requestId) => $"/api/urban-planning/requests/{requestId}/payment-order";

    /// <summary>An action, a minute after the last: each move gets its own instant, so histories and events have one order.</summary>
    public static Task<HttpResponseMessage> ActAsync(this WorkflowService service, HttpClient client, string requestId, object body)
    {
        service.Clock.Advance(TimeSpan.FromMinutes(1));
        return client.PostAsJsonAsync($"/api/urban-planning/requests/{requestId}/actions", body);
    }

    /// <summary>A no-violation certificate request whose documents the archive already holds, so it starts Submitted; its id.</summary>
    public static async Task<string> SubmittedRequestAsync(this WorkflowService service, OpenedFile file)
    {
        service.Documents.Hold(file.Number, "OWNERSHIP_DEED", "IDENTITY_DOCUMENT");
        var created = await (await file.Operator.PostAsJsonAsync(RequestsPath(file.Number), new { serviceType = "NO_VIOLATION_CERTIFICATE" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Submitted", created.GetProperty("status").GetString());
        return created.GetProperty("requestId").GetString()!;
    }

    /// <summary>A request reviewed and fee-assessed by the district's reviewer: its id and its payment order.</summary>
    public static async Task<(string RequestId, JsonElement Order)> FeeAssessedAsync(this WorkflowService service, OpenedFile file, HttpClient reviewer)
    {
        var id = await service.SubmittedRequestAsync(file);
        (await service.ActAsync(reviewer, id, new { action = "review" })).EnsureSuccessStatusCode();
        (await service.ActAsync(reviewer, id, new { action = "assessFee" })).EnsureSuccessStatusCode();
        var order = await (await reviewer.GetAsync(OrderPath(id))).AssertJsonAsync(HttpStatusCode.OK);
        return (id, order);
    }

    /// <summary>A bank's confirmation of an order, paid a minute before the service's clock says now.</summary>
    public static Task<HttpResponseMessage> ConfirmAsync(this WorkflowService service, HttpClient bank, string orderId, decimal amountRial, string bankReference) =>
        bank.PostAsJsonAsync($"/api/payments/{orderId}/confirmations", new
        {
            amountRial,
            bankReference,
            paidAt = service.Clock.GetUtcNow().AddMinutes(-1).ToString("O"),
        });

    /// <summary>A bank or terminal reference no test has used.</summary>
    public static string NewReference(string prefix = "REF") => $"{prefix}-{Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()}";

    /// <summary>Office management announcing a change about <paramref name="officeCode"/>, as its relay would: every replica drops what it cached.</summary>
    public static Task AnnounceOfficeChangeAsync(this WorkflowService service, string officeCode) =>
        service.PublishAsync(new OfficeAuthorizationChanged(officeCode, null, "OfficeStatus") { OccurredAt = service.Time.GetUtcNow() });

    public static async Task AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var problem = await response.AssertProblemAsync(status);
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
    }
}
