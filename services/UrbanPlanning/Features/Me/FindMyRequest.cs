namespace CityEServices.UrbanPlanning.Features.Me;

/// <summary>
/// A request of a file the citizen holds now, or the one 404 for anything else (another's request, an
/// unknown id): what every <c>/api/me/requests/{id}…</c> read starts from.
/// </summary>
public static class FindMyRequest
{
    public static async Task<Outcome<ServiceRequest>> HandleAsync(UrbanPlanningDbContext db, Guid requestId, Caller caller, CancellationToken cancellationToken)
    {
        var who = CitizenFiles.NationalIdOf(caller);
        if (!who.Succeeded)
        {
            return who.Problem!;
        }

        return await db.FindRequestAsync(requestId, forUpdate: false, cancellationToken) is (var request, var file) && file.IsHolder(who.Value)
            ? request
            : Problem.NotFound("Service request not found.", $"You have no service request {requestId}.");
    }
}
