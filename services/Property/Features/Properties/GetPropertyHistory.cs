using CityEServices.Iran;
using CityEServices.Property.Data;
using CityEServices.Property.Domain;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Property.Api;

/// <summary>One change in a property's history, with the owners and restrictions as they stood right after it.</summary>
/// <param name="FromPartyId">For a transfer, the seller.</param>
/// <param name="ToPartyId">For a transfer, the buyer.</param>
/// <param name="Reference">For construction recorded from urban planning, the permit or certificate number.</param>
public sealed record HistoryEntryResponse(
    Guid Id,
    DualTime At,
    HistoryKind Kind,
    string Actor,
    string? Note,
    string? FromPartyId,
    string? ToPartyId,
    Dang? ShareDang,
    string? ShareFraction,
    string? Reference,
    Restrictions Restrictions,
    IReadOnlyList<OwnerResponse> Owners);

public static class PropertyHistory
{
    public static async Task<Results<Ok<Paged<HistoryEntryResponse>>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string renovationCode,
        string? page,
        string? pageSize,
        PropertyDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        RenovationCode? parsed = RenovationCode.TryParse(renovationCode, out var c, out var codeError) ? c : null;
        errors.AddIf("renovationCode", codeError);
        var paging = Paging.Read(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var code = parsed!.Value;
        var property = await db.FindWithHistoryAsync(code, cancellationToken);
        if (property is null)
        {
            return ApiResults.NotFound(code);
        }

        var entries = property.History.OrderBy(h => h.At).ThenBy(h => h.Id).ToList();
        var items = entries.Skip(paging.Skip).Take(paging.PageSize).Select(h => new HistoryEntryResponse(
            h.Id,
            DualTime.From(h.At),
            h.Kind,
            h.Actor,
            h.Note,
            h.FromPartyId,
            h.ToPartyId,
            h.Share,
            h.Share?.ToString(),
            h.Reference,
            h.RestrictionsAfter,
            [.. property.OwnersAsOf(h.At).Select(OwnerResponse.From)])).ToList();
        return TypedResults.Ok(new Paged<HistoryEntryResponse>(items, paging.Page, paging.PageSize, entries.Count));
    }
}
