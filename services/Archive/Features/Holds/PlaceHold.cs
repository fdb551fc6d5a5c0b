namespace CityEServices.Archive.Features.Holds;

/// <summary>An archivist places a legal hold on a file, a property or a document; while it is active nothing it covers is disposed of.</summary>
public sealed class PlaceHold(ArchiveDbContext db, TimeProvider time)
{
    public async Task<Outcome<HoldResponse>> HandleAsync(PlaceHoldRequest request, Caller caller, CancellationToken cancellationToken)
    {
        if (DocumentAccessRules.CanManage(caller) is { } refusal)
        {
            return refusal;
        }

        var validated = HoldRules.Validate(request);
        if (validated.Value is not { } scope)
        {
            return Problem.Invalid(validated.Errors);
        }

        if (scope.DocumentId is { } documentId && !await db.Documents.AnyAsync(d => d.Id == documentId, cancellationToken))
        {
            return Problem.NotFound("Document not found.", $"No document {documentId}.");
        }

        var hold = new LegalHold
        {
            Id = Guid.CreateVersion7(),
            FileNumber = scope.FileNumber,
            RenovationCode = scope.RenovationCode,
            DocumentId = scope.DocumentId,
            Reason = scope.Reason,
            PlacedBy = caller.Actor,
            PlacedAt = time.GetDatabaseNow(),
        };
        db.LegalHolds.Add(hold);
        await db.SaveChangesAsync(cancellationToken);
        return HoldResponse.From(hold);
    }
}
