namespace CityEServices.UrbanPlanning.Features.Documents;

/// <summary>
/// Revokes a request's issued document: a district reviewer of the file's district, or an admin. The
/// status and its PermitRevoked event commit together; verification answers <c>revoked</c> at once.
/// </summary>
public sealed class RevokeDocument(UrbanPlanningDbContext db, TimeProvider time)
{
    public const string AlreadyRevoked = "AlreadyRevoked";

    public async Task<Outcome<RevocationResponse>> HandleAsync(Guid requestId, RevocationBody body, Caller caller, CancellationToken cancellationToken)
    {
        var reason = body.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > IssuedDocumentMapping.RevocationReasonMaxLength)
        {
            return Problem.Invalid("reason", $"Say why the document is revoked (1–{IssuedDocumentMapping.RevocationReasonMaxLength} characters).");
        }

        if (!caller.IsIn(Roles.Admin) && !caller.IsIn(Roles.DistrictReviewer))
        {
            return Problem.Forbidden(OfficeAuthorizations.RoleNotAllowed, "Only a district reviewer of the file's district or an admin may revoke a document.");
        }

        if (await db.FindRequestAsync(requestId, forUpdate: false, cancellationToken) is not (var request, var file))
        {
            return Problem.NotFound("Service request not found.", $"There is no service request {requestId}.");
        }

        if (!caller.IsIn(Roles.Admin) && OfficeAuthorizations.CheckReviewer(caller, file.District) is { } notReviewer)
        {
            return notReviewer;
        }

        var document = await db.IssuedDocuments.SingleOrDefaultAsync(d => d.RequestId == requestId, cancellationToken);
        if (document is null)
        {
            return Problem.NotFound("No document issued.", $"Service request {requestId} has no issued document to revoke.");
        }

        var now = time.GetDatabaseNow();
        if (!document.Revoke(caller.Actor, PersianText.Normalize(reason) ?? reason, now))
        {
            return Revoked(document);
        }

        db.PublishOnCommit(new PermitRevoked(document.Number, request.Id, file.FileNumber, file.RenovationCode, document.ServiceType, document.RevocationReason!, caller.Actor)
        {
            OccurredAt = now,
            CorrelationId = caller.CorrelationId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict(AlreadyRevoked, "The document was revoked meanwhile.", $"Document {document.Number} changed while it was being revoked.");
        }

        return new RevocationResponse(document.Number, request.Id, "revoked", now, SolarHijri.Format(now), caller.Actor, document.RevocationReason!);
    }

    private static Problem Revoked(IssuedDocument document) =>
        Problem.Conflict(AlreadyRevoked, "The document is already revoked.", $"Document {document.Number} was revoked at {document.RevokedAt:O}.")
            .With("number", document.Number);
}
