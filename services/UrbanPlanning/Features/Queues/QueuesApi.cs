namespace CityEServices.UrbanPlanning.Features.Queues;

public static class QueuesApi
{
    public const string Path = "/api/urban-planning/queues";

    /// <summary>The staff's work queues (no scope: integrator clients get 403 insufficient_scope) and the file search (clients with urban-planning.read too).</summary>
    public static IEndpointRouteBuilder MapQueuesApi(this IEndpointRouteBuilder app)
    {
        var queues = app.MapGroup(Path).WithTags("Queues");
        queues.MapGet("/review", ReviewAsync).WithName("ReviewQueue");
        queues.MapGet("/office", OfficeAsync).WithName("OfficeQueue");
        app.MapGroup(FilesApi.Path).WithTags("Files")
            .MapGet("/", SearchAsync).WithName("SearchFiles").RequireScope(Scopes.UrbanPlanningRead);
        return app;
    }

    public static async Task<Results<Ok<Page<QueueItem>>, ProblemHttpResult>> ReviewAsync(
        string? page, string? pageSize, Caller caller, ReviewQueue queue, CancellationToken cancellationToken) =>
        (await queue.HandleAsync(page, pageSize, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<Page<QueueItem>>, ProblemHttpResult>> OfficeAsync(
        string? page, string? pageSize, Caller caller, OfficeQueue queue, CancellationToken cancellationToken) =>
        (await queue.HandleAsync(page, pageSize, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<Page<FileSearchItem>>, ProblemHttpResult>> SearchAsync(
        string? renovationCode, string? applicantNationalId, string? status, string? page, string? pageSize,
        Caller caller, SearchFiles search, CancellationToken cancellationToken) =>
        (await search.HandleAsync(new FileSearch(renovationCode, applicantNationalId, status, page, pageSize), caller, cancellationToken)).ToOk();
}
