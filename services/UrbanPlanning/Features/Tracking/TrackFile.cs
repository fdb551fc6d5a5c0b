namespace CityEServices.UrbanPlanning.Features.Tracking;

/// <summary>
/// The anonymous tracking read: a tracking code and the applicant's national ID give the file's
/// requests and timeline. Served from the shared Redis snapshot when there is one.
/// </summary>
public sealed class TrackFile(TrackingCache cache, UrbanPlanningDbContext db, ServiceRuleBook rules, TimeProvider time)
{
    /// <summary>
    /// One 404 for every miss (malformed code, unknown code, wrong or missing national ID), so the
    /// answer never tells whether a tracking code exists.
    /// </summary>
    public async Task<Outcome<TrackingResponse>> HandleAsync(string trackingCode, string? nationalId, Caller caller, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryNormalize(trackingCode, out var code) || !NationalId.TryParse(nationalId, out var applicant))
        {
            return NotFound;
        }

        var snapshot = await cache.GetAsync(code);
        if (snapshot is null)
        {
            snapshot = await LoadAsync(code, cancellationToken);
            if (snapshot is null)
            {
                return NotFound;
            }

            await cache.SetAsync(code, snapshot);
        }

        return snapshot.IsHolder(code, applicant.Value) ? TrackingResponse.From(snapshot, time.GetUtcNow()) : NotFound;
    }

    private static Problem NotFound => Problem.NotFound("Not found.", "No file matches this tracking code and national ID.");

    private async Task<TrackingSnapshot?> LoadAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.TrackingCode == trackingCode, cancellationToken);
        if (file is null)
        {
            return null;
        }

        var requests = await db.RequestsOfFileAsync(file.FileNumber, cancellationToken);
        var changes = await db.FileChangesAsync(file.FileNumber, cancellationToken);
        return new TrackingSnapshot(
            file.FileNumber,
            file.District,
            file.OpenedAt,
            [.. file.HolderNationalIds.Select(id => TrackingSnapshot.HashHolder(trackingCode, id))],
            [.. requests.Select(r => new TrackedRequest(
                r.Id,
                r.ServiceType,
                rules.Get(r.ServiceType, r.RulesVersion).TitleFa,
                r.Status,
                r.SlaDays,
                r.SubmittedAt,
                r.ReturnedTime,
                r.ReturnedSince,
                r.ClosedAt,
                [.. r.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TrackedTransition(t.At, t.FromStatus, t.ToStatus, t.Note))]))])
        {
            Changes = [.. changes.Select(c => new TrackedFileChange(c.At, c.Kind, c.FromOfficeCode, c.ToOfficeCode))],
        };
    }
}
