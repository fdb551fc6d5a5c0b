using System.Security.Claims;
using CityEServices.Archive.Data;
using CityEServices.Archive.Domain;
using CityEServices.Iran;
using CityEServices.Messaging.Persistence;
using CityEServices.ServiceDefaults.Auth;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Archive.Api;

public sealed record PlaceHoldRequest(string? FileNumber, string? RenovationCode, Guid? DocumentId, string? Reason);

public sealed record ReleaseHoldRequest(string? Reason);

public sealed record HoldResponse(
    Guid HoldId, string? FileNumber, string? RenovationCode, Guid? DocumentId, string Reason, string PlacedBy, DualTime PlacedAt,
    bool Active, string? ReleasedBy, DualTime? ReleasedAt, string? ReleaseReason)
{
    public static HoldResponse From(LegalHold hold) => new(
        hold.Id, hold.FileNumber, hold.RenovationCode, hold.DocumentId, hold.Reason, hold.PlacedBy, DualTime.From(hold.PlacedAt),
        hold.IsActive, hold.ReleasedBy, hold.ReleasedAt is { } at ? DualTime.From(at) : null, hold.ReleaseReason);
}

/// <summary>Legal holds: placed on a file, a property or a document by an archivist; released only with a reason; never deleted.</summary>
public static class HoldsApi
{
    private const int MaxReasonLength = 1000;

    public static RouteGroupBuilder MapHoldsApi(this IEndpointRouteBuilder app)
    {
        var holds = app.MapGroup("/api/archive/holds").WithTags("Legal holds");
        holds.MapPost("/", PlaceAsync).WithName("PlaceLegalHold").WithSummary("Place a legal hold on a file, a property or a document");
        holds.MapGet("/", ListAsync).WithName("ListLegalHolds").WithSummary("Legal holds, active first");
        holds.MapPost("/{holdId:guid}/release", ReleaseAsync).WithName("ReleaseLegalHold").WithSummary("Release a legal hold, with a reason");
        return holds;
    }

    public static async Task<Results<Created<HoldResponse>, ValidationProblem, ProblemHttpResult>> PlaceAsync(
        PlaceHoldRequest request, ClaimsPrincipal user, ArchiveDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var manage = DocumentAccessRules.CanManage(Caller.From(user));
        if (!manage.Allowed)
        {
            return Problems.Forbidden(manage);
        }

        var errors = new ValidationErrors();
        var reason = errors.RequiredText(request.Reason, "reason", "Reason", MaxReasonLength);
        string? fileNumber = null;
        if (!string.IsNullOrWhiteSpace(request.FileNumber))
        {
            fileNumber = FileNumbers.Normalize(request.FileNumber);
            errors.AddIf("fileNumber", fileNumber is null ? "File number must be 11 digits: a district 01–22 and a 9-digit sequence." : null);
        }

        string? renovationCode = null;
        if (!string.IsNullOrWhiteSpace(request.RenovationCode))
        {
            if (RenovationCode.TryParse(request.RenovationCode, out var code, out var error))
            {
                renovationCode = code.Value;
            }
            else
            {
                errors.Add("renovationCode", error);
            }
        }

        if (string.IsNullOrWhiteSpace(request.FileNumber) && string.IsNullOrWhiteSpace(request.RenovationCode) && request.DocumentId is null)
        {
            errors.Add("fileNumber", "A hold covers a file number, a renovation code or a document id.");
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (request.DocumentId is { } documentId && !await db.Documents.AnyAsync(d => d.Id == documentId, cancellationToken))
        {
            return Problems.NotFound("Document not found.", $"No document {documentId}.");
        }

        var hold = new LegalHold
        {
            Id = Guid.CreateVersion7(),
            FileNumber = fileNumber,
            RenovationCode = renovationCode,
            DocumentId = request.DocumentId,
            Reason = reason!,
            PlacedBy = user.Actor(),
            PlacedAt = time.GetDatabaseNow(),
        };
        db.LegalHolds.Add(hold);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/archive/holds/{hold.Id}", HoldResponse.From(hold));
    }

    public static async Task<Results<Ok<HoldResponse>, ValidationProblem, ProblemHttpResult>> ReleaseAsync(
        Guid holdId, ReleaseHoldRequest request, ClaimsPrincipal user, ArchiveDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var manage = DocumentAccessRules.CanManage(Caller.From(user));
        if (!manage.Allowed)
        {
            return Problems.Forbidden(manage);
        }

        var errors = new ValidationErrors();
        var reason = errors.RequiredText(request.Reason, "reason", "Reason", MaxReasonLength);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var hold = await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == holdId, cancellationToken);
        if (hold is null)
        {
            return Problems.NotFound("Hold not found.", $"No legal hold {holdId}.");
        }

        if (!hold.IsActive)
        {
            return Problems.Conflict("Hold already released.", $"Legal hold {holdId} was released at {SolarHijri.Format(hold.ReleasedAt!.Value)}.", "HoldAlreadyReleased");
        }

        hold.Release(user.Actor(), reason!, time.GetDatabaseNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(HoldResponse.From(hold));
    }

    public static Task<Results<Ok<PageOf<HoldResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, ArchiveDbContext db, bool? active, int? page, int? pageSize, CancellationToken cancellationToken) =>
        Paging.ManagersPageAsync(
            user, page, pageSize,
            active switch
            {
                true => db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null),
                false => db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt != null),
                null => db.LegalHolds.AsNoTracking(),
            },
            q => q.OrderByDescending(h => h.PlacedAt), HoldResponse.From, cancellationToken);
}
