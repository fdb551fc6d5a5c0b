namespace CityEServices.Archive.Features.Documents;

/// <summary>
/// Archives one uploaded scan. The caller's role, and for an operator the by-law (office active and
/// licensed, operator active and certified, asked of office management), are checked before the body
/// is read (nobody streams 50 MB to be told they may not); the body's content decides its type; only
/// then are the metadata, the file's dossier and the caller's right to that dossier looked at. The
/// bytes move into the store once the record is decided and before it is written.
/// </summary>
public sealed class UploadDocument(ArchiveDbContext db, DocumentIngest ingest, OperatorByLaw byLaw)
{
    /// <param name="readBody">Streams the request's multipart body into a staged file (the HTTP half, see <see cref="UploadReader"/>).</param>
    public async Task<Outcome<DocumentReceipt>> HandleAsync(Func<CancellationToken, Task<ParsedUpload>> readBody, Caller caller, CancellationToken cancellationToken)
    {
        if (DocumentAccessRules.CanUploadAny(caller) is { } refusal)
        {
            return refusal;
        }

        if (await byLaw.CheckAsync(caller, cancellationToken) is { } unlawful)
        {
            return unlawful;
        }

        using var upload = await readBody(cancellationToken);
        if (Refused(upload) is { } unreadable)
        {
            return unreadable;
        }

        var validated = UploadMetadata.From(upload.Fields);
        if (upload.File is null)
        {
            var errors = validated.Errors;
            errors["file"] = ["A 'file' part with the scanned content is required."];
            return Problem.Invalid(errors);
        }

        if (validated.Value is not { } metadata)
        {
            return Problem.Invalid(validated.Errors);
        }

        if (DocumentAccessRules.IsCitizen(caller))
        {
            // A citizen uploads to a file of theirs, whatever the form says its source is.
            if (metadata.FileNumber is null)
            {
                return Problem.Invalid("fileNumber", "A citizen uploads to one of their files: the file number is required.");
            }

            metadata = metadata with { Source = DocumentSource.CitizenUpload };
        }

        var dossier = metadata.FileNumber is null ? null
            : await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.FileNumber == metadata.FileNumber, cancellationToken);
        if (metadata.CheckDossier(dossier, caller) is { } problem)
        {
            return problem;
        }

        var staged = upload.File;
        var sha256 = staged.Complete();
        var kind = upload.Kind!.Value;
        var pages = PageCounter.Count(staged.TempPath, kind);
        // A PDF no parser can open would be archived as a record nobody can read: refused like any bad
        // input, before a record exists (the staged file goes with the upload).
        if (kind == ContentKind.Pdf && pages is null)
        {
            return Problem.Invalid("file", "The PDF cannot be read: it is damaged or has no pages.");
        }

        var content = new StagedDocument(sha256, staged.Length, kind, pages);
        var result = await ingest.ArchiveAsync(content, metadata.Describe(dossier), caller, beforeSave: () => staged.Commit(), cancellationToken);
        return DocumentReceipt.From(result.Document, result.Existing);
    }

    private static Problem? Refused(ParsedUpload upload) => upload.Refusal switch
    {
        UploadRefusal.NotMultipart or UploadRefusal.UnsupportedContent => Problem.UnsupportedMediaType(upload.RefusalDetail!),
        UploadRefusal.TooLarge => Problem.TooLarge(upload.RefusalDetail!),
        UploadRefusal.Malformed => Problem.Invalid("file", upload.RefusalDetail!),
        _ => null,
    };
}
