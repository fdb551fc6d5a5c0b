using System.Security.Claims;
using CityEServices.Archive.Data;
using CityEServices.Archive.Domain;
using CityEServices.Archive.Storage;
using CityEServices.Iran;
using CityEServices.Messaging.Persistence;
using CityEServices.ServiceDefaults.Auth;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Archive.Api;

public sealed record DisposeRequest(Guid? DocumentId, string? Reason);

public sealed record DisposalResponse(Guid DisposalId, Guid DocumentId, string Sha256, string Category, DualTime RetainedUntil, string Reason, string DisposedBy, DualTime DisposedAt, bool ContentRemoved)
{
    public static DisposalResponse From(Disposal d) =>
        new(d.Id, d.DocumentId, d.Sha256, d.CategoryCode, DualTime.From(d.RetainedUntil), d.Reason, d.DisposedBy, DualTime.From(d.DisposedAt), d.ContentRemoved);
}

/// <summary>
/// Disposal (امحا): only after the category's retention period, never for permanent records, never under
/// an active legal hold; each disposal is recorded, and the record of the document itself is kept.
/// </summary>
public static class DisposalsApi
{
    public const string RetentionNotElapsed = "RetentionNotElapsed";
    public const string PermanentRecord = "PermanentRecord";
    public const string UnderLegalHold = "UnderLegalHold";
    public const string AlreadyDisposed = "AlreadyDisposed";

    public static RouteGroupBuilder MapDisposalsApi(this IEndpointRouteBuilder app)
    {
        var disposals = app.MapGroup("/api/archive/disposals").WithTags("Disposal");
        disposals.MapPost("/", DisposeAsync).WithName("DisposeDocument").WithSummary("Dispose of a document whose retention has ended and that no legal hold covers");
        disposals.MapGet("/", ListAsync).WithName("ListDisposals").WithSummary("Every disposal, newest first");
        return disposals;
    }

    public static async Task<Results<Created<DisposalResponse>, ValidationProblem, ProblemHttpResult>> DisposeAsync(
        DisposeRequest request, ClaimsPrincipal user, ArchiveDbContext db, ContentStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var manage = DocumentAccessRules.CanManage(Caller.From(user));
        if (!manage.Allowed)
        {
            return Problems.Forbidden(manage);
        }

        var errors = new ValidationErrors();
        var reason = errors.RequiredText(request.Reason, "reason", "Reason", 1000);
        errors.AddIf("documentId", request.DocumentId is null ? "Document id is required." : null);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == request.DocumentId, cancellationToken);
        if (document is null)
        {
            return Problems.NotFound("Document not found.", $"No document {request.DocumentId}.");
        }

        if (document.IsDisposed)
        {
            return Problems.Conflict("Already disposed.", $"Document {document.Id} was disposed of at {SolarHijri.Format(document.DisposedAt!.Value)}.", AlreadyDisposed);
        }

        var rule = ClassificationScheme.Find(document.CategoryCode)?.Retention ?? RetentionRule.Forever;
        var now = time.GetDatabaseNow();
        if (document.RetainedUntil(rule) is not { } until)
        {
            return Problems.Conflict("Kept for ever.", $"{document.CategoryCode} records are permanent and are never disposed of.", PermanentRecord);
        }

        if (until > now)
        {
            return Problems.Conflict("Retention has not ended.", $"Document {document.Id} must be kept until {SolarHijri.Format(until)}.", RetentionNotElapsed);
        }

        var holds = await db.LegalHolds.AsNoTracking()
            .Where(h => h.ReleasedAt == null && (h.DocumentId == document.Id
                || (h.FileNumber != null && h.FileNumber == document.FileNumber)
                || (h.RenovationCode != null && h.RenovationCode == document.RenovationCode)))
            .Select(h => h.Id).ToListAsync(cancellationToken);
        if (holds.Count > 0)
        {
            return Problems.Conflict("Under legal hold.", $"Document {document.Id} is covered by legal hold {holds[0]}.", UnderLegalHold);
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
            RetainedUntil = until,
            Reason = reason!,
            DisposedBy = user.Actor(),
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

        return TypedResults.Created($"/api/archive/disposals/{disposal.Id}", DisposalResponse.From(disposal));
    }

    public static Task<Results<Ok<PageOf<DisposalResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, ArchiveDbContext db, int? page, int? pageSize, CancellationToken cancellationToken) =>
        Paging.ManagersPageAsync(user, page, pageSize, db.Disposals.AsNoTracking(), q => q.OrderByDescending(d => d.DisposedAt), DisposalResponse.From, cancellationToken);
}
