namespace CityEServices.Archive.Features.Dossiers;

/// <summary>
/// A file's dossier with its documents; 404 until the archive has processed the file's opening. An
/// operator reads only their office's dossiers, and only while the by-law lets them work.
/// </summary>
public sealed class GetDossier(ArchiveDbContext db, OperatorByLaw byLaw)
{
    public async Task<Outcome<DossierResponse>> HandleAsync(string fileNumber, Caller caller, CancellationToken cancellationToken)
    {
        if (FileNumbers.Normalize(fileNumber) is not { } key)
        {
            return Problem.Invalid("fileNumber", FileNumbers.Malformed);
        }

        if (DossierAccessRules.CanReadAny(caller) is { } refusal)
        {
            return refusal;
        }

        if (await byLaw.CheckAsync(caller, cancellationToken) is { } unlawful)
        {
            return unlawful;
        }

        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.FileNumber == key, cancellationToken);
        if (dossier is null)
        {
            return Problem.NotFound("Dossier not found.", $"The archive has no dossier for file {key} (yet).");
        }

        if (DossierAccessRules.CanRead(caller, dossier) is { } denied)
        {
            return denied;
        }

        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.FileNumber == key)
            .OrderBy(d => d.CategoryCode).ThenBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return DossierResponse.From(dossier, [.. documents.Select(DocumentResponse.From)]);
    }
}
