namespace CityEServices.Archive.Features.Disposals;

/// <summary>
/// Disposal (امحا): only after the category's retention period, never for permanent records, never under
/// an active legal hold; each disposal is recorded, and the record of the document itself is kept.
/// </summary>
public static class DisposalsApi
{
    public const string Path = "/api/archive/disposals";

    public static RouteGroupBuilder MapDisposalsApi(this IEndpointRouteBuilder app)
    {
        var disposals = app.MapGroup(Path).WithTags("Disposal");
        disposals.MapPost("/", DisposeAsync).WithName("DisposeDocument").WithSummary("Dispose of a document whose retention has ended and that no legal hold covers");
        disposals.MapGet("/", ListAsync).WithName("ListDisposals").WithSummary("Every disposal, newest first");
        return disposals;
    }

    public static async Task<Results<Created<DisposalResponse>, ProblemHttpResult>> DisposeAsync(
        DisposeRequest request, Caller caller, DisposeDocument disposeDocument, CancellationToken cancellationToken) =>
        (await disposeDocument.HandleAsync(request, caller, cancellationToken)).ToCreated(disposal => $"{Path}/{disposal.DisposalId}");

    public static async Task<Results<Ok<Page<DisposalResponse>>, ProblemHttpResult>> ListAsync(
        string? page, string? pageSize, Caller caller, ListDisposals listDisposals, CancellationToken cancellationToken) =>
        (await listDisposals.HandleAsync(page, pageSize, caller, cancellationToken)).ToOk();
}
