namespace CityEServices.UrbanPlanning.Features.Me;

/// <summary>
/// One request of the citizen's own file. A request of anyone else's file is the same 404 as one that
/// does not exist: a citizen learns nothing of others, not even that a request id is real.
/// </summary>
public sealed class GetMyRequest(UrbanPlanningDbContext db, ServiceRuleBook rules, TimeProvider time)
{
    public async Task<Outcome<MyRequestResponse>> HandleAsync(Guid requestId, Caller caller, CancellationToken cancellationToken)
    {
        var mine = await FindMyRequest.HandleAsync(db, requestId, caller, cancellationToken);
        if (!mine.Succeeded)
        {
            return mine.Problem!;
        }

        return MyRequestResponse.From(RequestResponse.From(mine.Value, rules, time.GetUtcNow()));
    }
}
