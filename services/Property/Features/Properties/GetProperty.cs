using System.Globalization;

namespace CityEServices.Property.Features.Properties;

/// <summary>
/// A property by renovation code. The current state comes through the cache unless the caller asks to
/// bypass it; <c>asOf</c> (an ISO 8601 instant, UTC when no offset is given) reads the database's history.
/// Operators and reviewers answer to the by-law first (<see cref="PropertyByLaw"/>); a client without
/// <c>pii.read</c> reads national IDs masked; every unmasked read is recorded (<see cref="PersonalDataReads"/>).
/// </summary>
public sealed class GetProperty(PropertyReads reads, PropertyDbContext db, PropertyByLaw byLaw, PersonalDataReads audit, TimeProvider time)
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

        if (await byLaw.RefuseAsync(caller, code.District, cancellationToken) is { } refused)
        {
            return refused;
        }

        var read = await ReadAsync(code, instant, bypassCache, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Problem!;
        }

        await audit.RecordIfShownAsync(caller, PersonalDataReadKind.Property, code.Value, instant?.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        return read.Value.ShownTo(caller);
    }

    private async Task<Outcome<PropertyResponse>> ReadAsync(RenovationCode code, DateTimeOffset? instant, bool bypassCache, CancellationToken cancellationToken)
    {
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
