namespace CityEServices.UrbanPlanning.Features.Requests;

/// <summary>
/// A request with its history, for those who may read its file: an admin, an operator of the file's
/// office authorised now for the request's service type, a reviewer of its district, a client granted
/// <c>urban-planning.read</c>.
/// </summary>
public sealed class GetRequest(ReadableRequests requests, ServiceRuleBook rules, TimeProvider time)
{
    public static readonly IReadOnlyCollection<string> ClientScopes = [Scopes.UrbanPlanningRead];

    public async Task<Outcome<RequestResponse>> HandleAsync(Guid requestId, Caller caller, CancellationToken cancellationToken) =>
        (await requests.FindAsync(requestId, caller, ClientScopes, cancellationToken))
            .Then(request => RequestResponse.From(request, rules, time.GetUtcNow()));
}
