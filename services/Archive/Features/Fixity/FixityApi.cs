using System.Security.Claims;
using CityEServices.Archive.Data;
using CityEServices.Archive.Domain;
using CityEServices.Archive.Fixity;
using CityEServices.Iran;
using CityEServices.ServiceDefaults.Auth;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Archive.Api;

public sealed record FixityCheckRequest(string? FileNumber);

public sealed record FixityFindingResponse(Guid DocumentId, FixityProblem Problem, string ExpectedSha256, string? ActualSha256);

public sealed record FixityCheckResponse(
    Guid CheckId, FixityTrigger Trigger, string? FileNumber, string? RequestedBy, DualTime StartedAt, DualTime FinishedAt,
    int DocumentsChecked, bool Intact, IReadOnlyList<FixityFindingResponse> Findings)
{
    public static FixityCheckResponse From(FixityCheck c) => new(
        c.Id, c.Trigger, c.FileNumber, c.RequestedBy, DualTime.From(c.StartedAt), DualTime.From(c.FinishedAt), c.DocumentsChecked, c.Findings.Count == 0,
        [.. c.Findings.OrderBy(f => f.DocumentId).Select(f => new FixityFindingResponse(f.DocumentId, f.Problem, f.ExpectedSha256, f.ActualSha256))]);
}

/// <summary>Fixity checks on demand (the whole store or one dossier) and the results of every run, scheduled ones included.</summary>
public static class FixityApi
{
    public static RouteGroupBuilder MapFixityApi(this IEndpointRouteBuilder app)
    {
        var checks = app.MapGroup("/api/archive/fixity-checks").WithTags("Fixity");
        checks.MapPost("/", RunAsync).WithName("RunFixityCheck").WithSummary("Re-hash stored content (all, or one dossier's) and report mismatches and missing files");
        checks.MapGet("/", ListAsync).WithName("ListFixityChecks").WithSummary("Fixity check results, newest first");
        checks.MapGet("/{checkId:guid}", GetAsync).WithName("GetFixityCheck").WithSummary("One fixity check with its findings");
        return checks;
    }

    public static async Task<Results<Created<FixityCheckResponse>, ValidationProblem, ProblemHttpResult>> RunAsync(
        FixityCheckRequest? request, ClaimsPrincipal user, FixityRunner runner, CancellationToken cancellationToken)
    {
        var manage = DocumentAccessRules.CanManage(Caller.From(user));
        if (!manage.Allowed)
        {
            return Problems.Forbidden(manage);
        }

        string? fileNumber = null;
        if (!string.IsNullOrWhiteSpace(request?.FileNumber))
        {
            fileNumber = FileNumbers.Normalize(request.FileNumber);
            if (fileNumber is null)
            {
                var errors = new ValidationErrors();
                errors.Add("fileNumber", "File number must be 11 digits: a district 01–22 and a 9-digit sequence.");
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }
        }

        var check = await runner.RunAsync(FixityTrigger.Manual, fileNumber, user.Actor(), cancellationToken);
        return TypedResults.Created($"/api/archive/fixity-checks/{check.Id}", FixityCheckResponse.From(check));
    }

    public static async Task<Results<Ok<FixityCheckResponse>, ProblemHttpResult>> GetAsync(
        Guid checkId, ClaimsPrincipal user, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var manage = DocumentAccessRules.CanManage(Caller.From(user));
        if (!manage.Allowed)
        {
            return Problems.Forbidden(manage);
        }

        var check = await db.FixityChecks.AsNoTracking().Include(c => c.Findings).SingleOrDefaultAsync(c => c.Id == checkId, cancellationToken);
        return check is null ? Problems.NotFound("Fixity check not found.", $"No fixity check {checkId}.") : TypedResults.Ok(FixityCheckResponse.From(check));
    }

    public static Task<Results<Ok<PageOf<FixityCheckResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, ArchiveDbContext db, int? page, int? pageSize, CancellationToken cancellationToken) =>
        Paging.ManagersPageAsync(user, page, pageSize, db.FixityChecks.AsNoTracking().Include(c => c.Findings), q => q.OrderByDescending(c => c.StartedAt), FixityCheckResponse.From, cancellationToken);
}
