using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// One trace follows a file opening: the caller's W3C trace reaches both gRPC dependencies and is
/// stored with the outbox event, from which the relay continues it across RabbitMQ (proved in
/// Messaging.Tests). A developer sees the whole call as one trace in the dashboard.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class TraceContextTests(UrbanPlanningService service) : IClassFixture<UrbanPlanningService>
{
    private const string Applicant = "0076229645";

    [Fact]
    public async Task The_callers_trace_continues_into_both_grpc_calls_and_the_outbox_event()
    {
        service.Properties.Register("21-4-8-2-0-0-0", 21, Applicant);
        using var client = service.CreateClient(TestTokens.Operator("OFC21", "1583250689"));
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, Requests.FilesPath)
        {
            Content = JsonContent.Create(new { renovationCode = "21-4-8-2-0-0-0", applicantNationalId = Applicant, officeCode = "OFC21" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await client.SendAsync(request);

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        var fileNumber = created.GetProperty("fileNumber").GetString()!;
        var authorization = Assert.Single(service.Offices.Calls, c => c.Request.OfficeCode == "OFC21");
        Assert.StartsWith($"00-{traceId}-", authorization.TraceParent);
        var ownership = Assert.Single(service.Properties.Calls, c => c.Request.RenovationCode == "21-4-8-2-0-0-0");
        Assert.StartsWith($"00-{traceId}-", ownership.TraceParent);
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'fileNumber' = @n AND trace_parent LIKE @t",
            ("n", fileNumber), ("t", $"00-{traceId}-%")));
    }
}
