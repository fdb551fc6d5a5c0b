using CityEServices.UrbanPlanning.Domain.Requests;

namespace CityEServices.UrbanPlanning.Features.Requests;

/// <summary>
/// A request with its history, for those who may read its file: an admin, an operator of the file's
/// office authorised now for the request's service type, a reviewer of its district, a client granted
/// <c>urban-planning.read</c>.
/// </summary>
public sealed class GetRequest(UrbanPlanningDbContext db, FileByLaw access, ServiceRuleBook rules, TimeProvider time)
{
    public static readonly IReadOnlyCollection<string> ClientScopes = [Scopes.UrbanPlanningRead];

    public async Task<Outcome<RequestResponse>> HandleAsync(Guid requestId, Caller caller, CancellationToken cancellationToken)
    {
        if (FileAccessRules.CanReadAny(caller, ClientScopes) is { } mayNotRead)
        {
            return mayNotRead;
        }

        if (await db.FindRequestAsync(requestId, forUpdate: false, cancellationToken) is not (var request, var file))
        {
            return Problem.NotFound("Service request not found.", $"There is no service request {requestId}.");
        }

        return await access.RefuseReadingAsync(caller, file, request.ServiceType, ClientScopes, cancellationToken) is { } refused
            ? refused
            : RequestResponse.From(request, rules, time.GetUtcNow());
    }
}
