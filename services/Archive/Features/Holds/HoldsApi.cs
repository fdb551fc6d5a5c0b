namespace CityEServices.Archive.Features.Holds;

/// <summary>Legal holds: placed on a file, a property or a document by an archivist; released only with a reason; never deleted.</summary>
public static class HoldsApi
{
    public const string Path = "/api/archive/holds";

    public static RouteGroupBuilder MapHoldsApi(this IEndpointRouteBuilder app)
    {
        var holds = app.MapGroup(Path).WithTags("Legal holds");
        holds.MapPost("/", PlaceAsync).WithName("PlaceLegalHold").WithSummary("Place a legal hold on a file, a property or a document");
        holds.MapGet("/", ListAsync).WithName("ListLegalHolds").WithSummary("Legal holds, newest first");
        holds.MapPost("/{holdId:guid}/release", ReleaseAsync).WithName("ReleaseLegalHold").WithSummary("Release a legal hold, with a reason");
        return holds;
    }

    public static async Task<Results<Created<HoldResponse>, ProblemHttpResult>> PlaceAsync(
        PlaceHoldRequest request, Caller caller, PlaceHold placeHold, CancellationToken cancellationToken) =>
        (await placeHold.HandleAsync(request, caller, cancellationToken)).ToCreated(hold => $"{Path}/{hold.HoldId}");

    public static async Task<Results<Ok<HoldResponse>, ProblemHttpResult>> ReleaseAsync(
        Guid holdId, ReleaseHoldRequest request, Caller caller, ReleaseHold releaseHold, CancellationToken cancellationToken) =>
        (await releaseHold.HandleAsync(holdId, request, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<Page<HoldResponse>>, ProblemHttpResult>> ListAsync(
        bool? active, string? page, string? pageSize, Caller caller, ListHolds listHolds, CancellationToken cancellationToken) =>
        (await listHolds.HandleAsync(active, page, pageSize, caller, cancellationToken)).ToOk();
}
