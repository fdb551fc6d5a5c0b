namespace CityEServices.OfficeManagement.Features.Scorecards;

public static class ScorecardsApi
{
    public static IEndpointRouteBuilder MapScorecardsApi(this IEndpointRouteBuilder app)
    {
        var offices = app.MapGroup("/api/offices").WithTags("Scorecards");

        // A literal segment outranks {code}; "SCORECARDS" is refused as an office code for that reason.
        offices.MapGet("/scorecards", RankAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("RankOffices")
            .WithSummary("City-wide ranking of offices that handled requests: first-time-right rate, then SLA breach rate, then median turnaround.");
        offices.MapGet("/{code}/scorecard", GetAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.OfficeOperator))
            .WithName("GetScorecard")
            .WithSummary("One office's scorecard, in total and per service type (admin, or that office's Manager).");
        return app;
    }

    public static async Task<Results<Ok<OfficeScorecardResponse>, ProblemHttpResult>> GetAsync(
        string code, Caller caller, GetScorecard getScorecard, CancellationToken cancellationToken) =>
        (await getScorecard.HandleAsync(code, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<Page<RankedOfficeScorecard>>, ProblemHttpResult>> RankAsync(
        string? district, string? page, string? pageSize, Caller caller, RankOffices rankOffices, CancellationToken cancellationToken) =>
        (await rankOffices.HandleAsync(district, page, pageSize, caller, cancellationToken)).ToOk();
}
