using System.Collections.Concurrent;
using CityEServices.Contracts.Grpc.OfficeManagement;
using Grpc.Core;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>What office management answers: every office authorised unless a refusal is set for it (for every service type, or for one).</summary>
public sealed class FakeOffices
{
    private readonly ConcurrentDictionary<string, AuthorizeServiceReply> _refusals = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<(AuthorizeServiceRequest Request, string? Authorization, string? TraceParent)> Calls { get; } = new();

    public void Refuse(string officeCode, string reason, string detail, string? serviceType = null) =>
        _refusals[Key(officeCode, serviceType)] = new AuthorizeServiceReply { Allowed = false, Reason = reason, Detail = detail };

    public void Allow(string officeCode, string? serviceType = null) => _refusals.TryRemove(Key(officeCode, serviceType), out _);

    public IEnumerable<AuthorizeServiceRequest> CallsFor(string officeCode) =>
        Calls.Select(c => c.Request).Where(r => string.Equals(r.OfficeCode, officeCode, StringComparison.OrdinalIgnoreCase));

    internal AuthorizeServiceReply Answer(AuthorizeServiceRequest request, string? authorization, string? traceParent)
    {
        Calls.Enqueue((request, authorization, traceParent));
        return _refusals.TryGetValue(Key(request.OfficeCode, request.ServiceType), out var refusal) || _refusals.TryGetValue(Key(request.OfficeCode, null), out refusal)
            ? refusal
            : new AuthorizeServiceReply { Allowed = true };
    }

    private static string Key(string officeCode, string? serviceType) => serviceType is null ? officeCode : $"{officeCode}|{serviceType}";
}

public sealed class FakeOfficeAuthorizationService(FakeOffices offices) : OfficeAuthorization.OfficeAuthorizationBase
{
    public override Task<AuthorizeServiceReply> AuthorizeService(AuthorizeServiceRequest request, ServerCallContext context) =>
        Task.FromResult(offices.Answer(request, context.RequestHeaders.GetValue("authorization"), context.RequestHeaders.GetValue("traceparent")));
}
