using CityEServices.Web.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Archive.Features.Fixity;

/// <summary>Fixity checks on demand (the whole store or one dossier) and the results of every run, scheduled ones included.</summary>
public static class FixityApi
{
    public const string Path = "/api/archive/fixity-checks";

    public static RouteGroupBuilder MapFixityApi(this IEndpointRouteBuilder app)
    {
        var checks = app.MapGroup(Path).WithTags("Fixity");
        checks.MapPost("/", RunAsync).WithName("RunFixityCheck").WithSummary("Re-hash stored content (all, or one dossier's) and report mismatches and missing files");
        checks.MapGet("/", ListAsync).WithName("ListFixityChecks").WithSummary("Fixity check results, newest first");
        checks.MapGet("/{checkId:guid}", GetAsync).WithName("GetFixityCheck").WithSummary("One fixity check with its findings");
        return checks;
    }

    public static async Task<Results<Created<FixityCheckResponse>, ProblemHttpResult>> RunAsync(
        FixityCheckRequest? request, Caller caller, RunFixityCheck runFixityCheck, CancellationToken cancellationToken) =>
        (await runFixityCheck.HandleAsync(request, caller, cancellationToken)).ToCreated(check => $"{Path}/{check.CheckId}");

    public static async Task<Results<Ok<FixityCheckResponse>, ProblemHttpResult>> GetAsync(
        Guid checkId, Caller caller, GetFixityCheck getFixityCheck, CancellationToken cancellationToken) =>
        (await getFixityCheck.HandleAsync(checkId, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<Page<FixityCheckResponse>>, ProblemHttpResult>> ListAsync(
        string? page, string? pageSize, Caller caller, ListFixityChecks listFixityChecks, CancellationToken cancellationToken) =>
        (await listFixityChecks.HandleAsync(page, pageSize, caller, cancellationToken)).ToOk();
}
