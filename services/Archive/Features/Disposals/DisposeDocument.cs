namespace CityEServices.Archive.Features.Disposals;

/// <summary>
/// Disposes of a document whose retention has ended and that no active legal hold covers, by someone
/// other than whoever released the last hold on it (<see cref="DisposalRules"/>): the disposal is
/// recorded, the document's record is kept and marked, and its bytes are removed unless another live
/// record holds the same content.
/// </summary>
public sealed class DisposeDocument(ArchiveDbContext db, ContentStore store, TimeProvider time)
{
    public const int MaxReasonLength = 1000;

    public async Task<Outcome<DisposalResponse>> HandleAsync(DisposeRequest request, Caller caller, CancellationToken cancellationToken)
    {
        if (DocumentAccessRules.CanManage(caller) is { } refusal)
        {
            return refusal;
        }

        var errors = new ValidationErrors();
        var reason = errors.RequiredText(request.Reason, "reason", "Reason", MaxReasonLength);
        errors.AddIf("documentId", request.DocumentId is null ? "Document id is required." : null);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == request.DocumentId, cancellationToken);
        if (document is null)
        {
            return Problem.NotFound("Document not found.", $"No document {request.DocumentId}.");
        }

        // Released holds too: whoever released the last of them may not be the one who disposes.
        var holds = await db.LegalHolds.AsNoTracking()
            .Where(h => h.DocumentId == document.Id
                || (h.FileNumber != null && h.FileNumber == document.FileNumber)
                || (h.RenovationCode != null && h.RenovationCode == document.RenovationCode))
            .OrderBy(h => h.PlacedAt)
            .ToListAsync(cancellationToken);
        var now = time.GetDatabaseNow();
        var allowed = DisposalRules.CanDispose(document, holds, now, caller.Actor);
        if (!allowed.Succeeded)
        {
            return allowed.Problem!;
        }

        // Content shared with another live record (the same scan in two files) stays for that record.
        var shared = await db.Documents.AnyAsync(d => d.Sha256 == document.Sha256 && d.Id != document.Id && d.DisposedAt == null, cancellationToken);
        document.MarkDisposed(now);
        var disposal = new Disposal
        {
            Id = Guid.CreateVersion7(),
            DocumentId = document.Id,
            Sha256 = document.Sha256,
            CategoryCode = document.CategoryCode,
            RetainedUntil = allowed.Value,
            Reason = reason!,
            DisposedBy = caller.Actor,
            DisposedAt = now,
            ContentRemoved = !shared,
        };
        db.Disposals.Add(disposal);
        await db.SaveChangesAsync(cancellationToken);

        // After the commit: a crash in between leaves bytes nothing refers to, never a record without its bytes.
        if (!shared)
        {
            store.Delete(document.Sha256);
        }

        return DisposalResponse.From(disposal);
    }
}
