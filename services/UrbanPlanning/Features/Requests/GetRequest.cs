using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.UrbanPlanning.Domain.Requests;

namespace CityEServices.UrbanPlanning.Features.Requests;

/// <summary>A request with its history, for those who may read its file and for integrators (banks) paying it.</summary>
public sealed class GetRequest(UrbanPlanningDbContext db, ServiceRuleBook rules, TimeProvider time)
{
    public async Task<Outcome<RequestResponse>> HandleAsync(Guid requestId, Caller caller, CancellationToken cancellationToken)
    {
        if (await db.FindRequestAsync(requestId, forUpdate: false, cancellationToken) is not (var request, var file))
        {
            return Problem.NotFound("Service request not found.", $"There is no service request {requestId}.");
        }

        return FileAccessRules.CanReadRequest(caller, file) is { } refused
            ? refused
            : RequestResponse.From(request, rules, time.GetUtcNow());
    }
}
