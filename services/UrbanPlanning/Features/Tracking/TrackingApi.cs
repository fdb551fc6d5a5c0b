namespace CityEServices.UrbanPlanning.Features.Tracking;

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

    public static async Task<Results<Ok<TrackingResponse>, ProblemHttpResult>> TrackAsync(
        string trackingCode, string? nationalId, Caller caller, TrackFile trackFile, CancellationToken cancellationToken) =>
        (await trackFile.HandleAsync(trackingCode, nationalId, caller, cancellationToken)).ToOk();
}
