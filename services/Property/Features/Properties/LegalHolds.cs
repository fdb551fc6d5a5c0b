using CityEServices.Iran;
using CityEServices.Messaging.Persistence;
using CityEServices.Property.Caching;
using CityEServices.Property.Data;
using CityEServices.Property.Domain;
using CityEServices.ServiceDefaults.Auth;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Property.Api;

/// <summary>Placing and clearing a legal hold (توقیف); both answer the property as it now stands.</summary>
public static class LegalHolds
{
    public const int MaxReasonLength = 500;

    public static async Task<Results<Ok<PropertyResponse>, ValidationProblem, ProblemHttpResult>> PlaceAsync(
        string renovationCode,
        LegalHoldRequest request,
        PropertyDbContext db,
        PropertyCache cache,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        RenovationCode? code = RenovationCode.TryParse(renovationCode, out var c, out var codeError) ? c : null;
        errors.AddIf("renovationCode", codeError);
        var reason = errors.RequiredText(request.Reason, "reason", "The reason for the hold", MaxReasonLength);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return await ChangeAsync(code!.Value, db, cache, cancellationToken,
            property => property.PlaceLegalHold(reason!, time.GetDatabaseNow(), http.User.Actor()));
    }

    public static async Task<Results<Ok<PropertyResponse>, ValidationProblem, ProblemHttpResult>> ClearAsync(
        string renovationCode,
        string? reason,
        PropertyDbContext db,
        PropertyCache cache,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        RenovationCode? code = RenovationCode.TryParse(renovationCode, out var c, out var codeError) ? c : null;
        errors.AddIf("renovationCode", codeError);
        var note = string.IsNullOrWhiteSpace(reason) ? null : errors.RequiredText(reason, "reason", "The reason", MaxReasonLength);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return await ChangeAsync(code!.Value, db, cache, cancellationToken,
            property => property.ClearLegalHold(note, time.GetDatabaseNow(), http.User.Actor()));
    }

    private static async Task<Results<Ok<PropertyResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        RenovationCode code, PropertyDbContext db, PropertyCache cache, CancellationToken cancellationToken, Func<RealProperty, Refusal?> change)
    {
        var property = await db.Properties
            .Include(p => p.Owners.Where(o => o.ValidTo == null))
            .FirstOrDefaultAsync(p => p.RenovationCode == code, cancellationToken);
        if (property is null)
        {
            return ApiResults.NotFound(code);
        }

        if (change(property) is { } refusal)
        {
            return ApiResults.Conflict(refusal);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.ChangedConcurrently(code);
        }

        await cache.InvalidateAsync(code);
        return TypedResults.Ok(PropertyResponse.From(property));
    }
}
