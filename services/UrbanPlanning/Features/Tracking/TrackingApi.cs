using CityEServices.Iran;
using CityEServices.UrbanPlanning.Api;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.UrbanPlanning.Domain.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.UrbanPlanning.Tracking;

public static class TrackingApi
{
    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/track/{trackingCode}", TrackAsync)
            .AllowAnonymous()
            .WithName("TrackFile").WithTags("Citizen tracking")
            .WithSummary("The file's requests, states, due dates and timeline (UTC and Solar Hijri), for the applicant's national ID only.");
        return app;
    }

    /// <summary>
    /// One 404 for every miss (malformed code, unknown code, wrong or missing national ID), so the
    /// answer never tells whether a tracking code exists.
    /// </summary>
    public static async Task<Results<Ok<TrackingResponse>, ProblemHttpResult>> TrackAsync(
        string trackingCode,
        string? nationalId,
        TrackingCache cache,
        UrbanPlanningDbContext db,
        ServiceRuleBook rules,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryNormalize(trackingCode, out var code) || !NationalId.TryParse(nationalId, out var applicant))
        {
            return NotFound();
        }

        var snapshot = await cache.GetAsync(code);
        if (snapshot is null)
        {
            snapshot = await LoadAsync(code, db, rules, cancellationToken);
            if (snapshot is null)
            {
                return NotFound();
            }

            await cache.SetAsync(code, snapshot);
        }

        return snapshot.IsApplicant(code, applicant.Value) ? TypedResults.Ok(snapshot.ToResponse(time.GetUtcNow())) : NotFound();
    }

    public static async Task<TrackingSnapshot?> LoadAsync(string trackingCode, UrbanPlanningDbContext db, ServiceRuleBook rules, CancellationToken cancellationToken)
    {
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.TrackingCode == trackingCode, cancellationToken);
        if (file is null)
        {
            return null;
        }

        var requests = await db.Requests.AsNoTracking().Include(r => r.Transitions)
            .Where(r => r.FileNumber == file.FileNumber).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        return new TrackingSnapshot(
            file.FileNumber,
            file.District,
            file.OpenedAt,
            TrackingSnapshot.HashApplicant(trackingCode, file.ApplicantNationalId),
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
                [.. r.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TrackedTransition(t.At, t.FromStatus, t.ToStatus, t.Note))]))]);
    }

    private static ProblemHttpResult NotFound() =>
        Problems.NotFound("Not found.", "No file matches this tracking code and national ID.");
}
