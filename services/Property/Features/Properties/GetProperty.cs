using CityEServices.Property.Data;
using CityEServices.Property.Infrastructure.Caching;

namespace CityEServices.Property.Features.Properties;

/// <summary>
/// A property by renovation code. The current state comes through the cache unless the caller asks to
/// bypass it; <c>asOf</c> (an ISO 8601 instant, UTC when no offset is given) reads the database's history.
/// </summary>
public sealed class GetProperty(PropertyReads reads, PropertyDbContext db, TimeProvider time)
{
    public async Task<Outcome<PropertyResponse>> HandleAsync(string renovationCode, string? asOf, bool bypassCache, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var parsed = RenovationCodeField.Read(renovationCode, errors);
        var instant = AsOf.Read(asOf, time.GetUtcNow(), errors);
        if (parsed is not { } code || !errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        if (instant is not { } at)
        {
            if (await reads.GetCurrentAsync(code, bypassCache, cancellationToken) is { } current)
            {
                return current;
            }

            return PropertyProblems.NotFound(code);
        }

        if (await db.FindWithHistoryAsync(code, cancellationToken) is not { } property)
        {
            return PropertyProblems.NotFound(code);
        }

        if (at < property.RegisteredAt)
        {
            return Problem.NotFound("Property not registered at that time.", $"Property {code.Value} was registered at {property.RegisteredAt:O}, after {at:O}.");
        }

        return PropertyResponse.AsOfInstant(property, at);
    }
}
