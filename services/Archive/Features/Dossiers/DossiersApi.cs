using System.Security.Claims;
using CityEServices.Archive.Data;
using CityEServices.Archive.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Archive.Api;

public static class DossiersApi
{
    public static RouteGroupBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var dossiers = app.MapGroup("/api/archive/dossiers").WithTags("Dossiers");
        dossiers.MapGet("/{fileNumber}", GetDossierAsync).WithName("GetDossier");
        return dossiers;
    }

    /// <summary>A file's dossier with its documents; 404 until the archive has processed the file's opening.</summary>
    public static async Task<Results<Ok<DossierResponse>, ValidationProblem, ProblemHttpResult>> GetDossierAsync(
        string fileNumber,
        ClaimsPrincipal user,
        ArchiveDbContext db,
        CancellationToken cancellationToken)
    {
        var key = FileNumbers.Normalize(fileNumber);
        if (key is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["fileNumber"] = ["File number must be 11 digits: a district 01–22 and a 9-digit sequence."],
            });
        }

        var caller = Caller.From(user);
        var mayRead = DossierAccessRules.CanReadAny(caller);
        if (!mayRead.Allowed)
        {
            return Problems.Forbidden(mayRead);
        }

        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.FileNumber == key, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound("Dossier not found.", $"The archive has no dossier for file {key} (yet).");
        }

        var access = DossierAccessRules.CanRead(caller, dossier);
        if (!access.Allowed)
        {
            return Problems.Forbidden(access);
        }

        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.FileNumber == key)
            .OrderBy(d => d.CategoryCode).ThenBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(DossierResponse.From(dossier, [.. documents.Select(DocumentResponse.From)]));
    }
}
