using CityEServices.UrbanPlanning.Domain.Requests;

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

        var request = mine.Value;
        var now = time.GetUtcNow();
        var clock = request.Clock;
        return new MyRequestResponse(
            request.Id,
            request.FileNumber,
            request.ServiceType,
            rules.Get(request.ServiceType, request.RulesVersion).TitleFa,
            request.Status,
            request.MissingDocumentCategories,
            request.FeeRial,
            request.IssuedNumber,
            DualTime.From(request.CreatedAt),
            request.SubmittedAt is { } submitted ? DualTime.From(submitted) : null,
            clock.DueAt(now) is { } due ? DualTime.From(due) : null,
            clock.IsBreached(now),
            [.. request.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => new MyTimelineEntry(DualTime.From(t.At), t.FromStatus, t.ToStatus, t.Note))]);
    }
}
