using System.Collections.Concurrent;
using CityEServices.Contracts.Grpc.OfficeManagement;
using Grpc.Core;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>What office management answers: every office authorised unless a refusal is set for it.</summary>
public sealed class FakeOffices
{
    private readonly ConcurrentDictionary<string, AuthorizeServiceReply> _refusals = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<(AuthorizeServiceRequest Request, string? Authorization, string? TraceParent)> Calls { get; } = new();

    public void Refuse(string officeCode, string reason, string detail) =>
        _refusals[officeCode] = new AuthorizeServiceReply { Allowed = false, Reason = reason, Detail = detail };

    public void Allow(string officeCode) => _refusals.TryRemove(officeCode, out _);

    public IEnumerable<AuthorizeServiceRequest> CallsFor(string officeCode) =>
        Calls.Select(c => c.Request).Where(r => string.Equals(r.OfficeCode, officeCode, StringComparison.OrdinalIgnoreCase));

    internal AuthorizeServiceReply Answer(AuthorizeServiceRequest request, string? authorization, string? traceParent)
    {
        Calls.Enqueue((request, authorization, traceParent));
        return _refusals.TryGetValue(request.OfficeCode, out var refusal) ? refusal : new AuthorizeServiceReply { Allowed = true };
    }
}

public sealed class FakeOfficeAuthorizationService(FakeOffices offices) : OfficeAuthorization.OfficeAuthorizationBase
{
    public override Task<AuthorizeServiceReply> AuthorizeService(AuthorizeServiceRequest request, ServerCallContext context) =>
        Task.FromResult(offices.Answer(request, context.RequestHeaders.GetValue("authorization"), context.RequestHeaders.GetValue("traceparent")));
}
