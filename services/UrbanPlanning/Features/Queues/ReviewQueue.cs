namespace CityEServices.UrbanPlanning.Features.Queues;

/// <summary>
/// A district reviewer's queue: their district's Submitted and UnderReview requests, oldest due date
/// first, so breached and nearly due requests lead. Only reviewers: integrator clients are refused by
/// the scope check (the endpoint names no scope), other staff here.
/// </summary>
public sealed class ReviewQueue(UrbanPlanningDbContext db, TimeProvider time)
{
    private static readonly RequestStatus[] Waiting = [RequestStatus.Submitted, RequestStatus.UnderReview];

    public async Task<Outcome<Page<QueueItem>>> HandleAsync(string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Read(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        if (!caller.IsIn(Roles.DistrictReviewer))
        {
            return Problem.Forbidden(DenialReasons.RoleNotAllowed, "Only a district reviewer has a review queue.");
        }

        if (caller.District is not { } district)
        {
            return Problem.Forbidden(Web.Authorization.OfficeAuthorizations.WrongDistrict, "The reviewer's token names no district.");
        }

        var rows = QueueQueries.Rows(db).Where(r => r.File.District == district && Waiting.Contains(r.Request.Status));
        return await QueueQueries.PageAsync(rows, paging, caller, time.GetDatabaseNow(), cancellationToken);
    }
}
