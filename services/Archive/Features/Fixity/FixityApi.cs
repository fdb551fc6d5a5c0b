namespace CityEServices.Archive.Features.Fixity;

/// <summary>
/// Fixity checks on demand (the whole store or one dossier), answered 202 with the run to poll, and the
/// progress and results of every run, scheduled ones included. Archivists and admins only: no scope
/// opens these to integrator clients.
/// </summary>
public static class FixityApi
{
    public const string Path = "/api/archive/fixity-checks";

    public static RouteGroupBuilder MapFixityApi(this IEndpointRouteBuilder app)
    {
        var checks = app.MapGroup(Path).WithTags("Fixity");
        checks.MapPost("/", RequestAsync).WithName("RequestFixityCheck")
            .WithSummary("Record a fixity run (all content, or one dossier's) for the worker to re-hash; 202 with the run to poll");
        checks.MapGet("/", ListAsync).WithName("ListFixityChecks").WithSummary("Fixity runs, newest first");
        checks.MapGet("/{runId:guid}", GetAsync).WithName("GetFixityCheck").WithSummary("One fixity run: its progress, mismatches and missing files");
        return checks;
    }

    public static async Task<Results<Accepted<FixityRunAccepted>, ProblemHttpResult>> RequestAsync(
        FixityCheckRequest? request, Caller caller, RequestFixityCheck requestFixityCheck, CancellationToken cancellationToken) =>
        (await requestFixityCheck.HandleAsync(request, caller, cancellationToken)).ToAccepted(run => $"{Path}/{run.RunId}");

    public static async Task<Results<Ok<FixityCheckResponse>, ProblemHttpResult>> GetAsync(
        Guid runId, Caller caller, GetFixityCheck getFixityCheck, CancellationToken cancellationToken) =>
        (await getFixityCheck.HandleAsync(runId, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<Page<FixityCheckResponse>>, ProblemHttpResult>> ListAsync(
        string? page, string? pageSize, Caller caller, ListFixityChecks listFixityChecks, CancellationToken cancellationToken) =>
        (await listFixityChecks.HandleAsync(page, pageSize, caller, cancellationToken)).ToOk();
}
