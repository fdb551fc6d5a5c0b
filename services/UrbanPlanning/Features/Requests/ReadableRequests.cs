namespace CityEServices.UrbanPlanning.Features.Requests;

/// <summary>
/// A request found for a reader of its file: what the request, its payment order and its issued document
/// each answer first. A caller who may read no file at all is refused before the lookup, so a 404 tells
/// them nothing; one who may read files but not this one is refused by the file's by-law.
/// </summary>
public sealed class ReadableRequests(UrbanPlanningDbContext db, FileByLaw access)
{
    public async Task<Outcome<ServiceRequest>> FindAsync(Guid requestId, Caller caller, IReadOnlyCollection<string> clientScopes, CancellationToken cancellationToken)
    {
        if (FileAccessRules.CanReadAny(caller, clientScopes) is { } mayNotRead)
        {
            return mayNotRead;
        }

        if (await db.FindRequestAsync(requestId, forUpdate: false, cancellationToken) is not (var request, var file))
        {
            return Problem.NotFound("Service request not found.", $"There is no service request {requestId}.");
        }

        return await access.RefuseReadingAsync(caller, file, request.ServiceType, clientScopes, cancellationToken) is { } refused
            ? refused
            : request;
    }
}
