namespace CityEServices.Property.Features.Properties;

/// <summary>Registers a property with its owners, and announces it (<see cref="PropertyRegistered"/>) through the outbox.</summary>
public sealed class RegisterProperty(PropertyDbContext db, PropertyCache cache, TimeProvider time)
{
    public async Task<Outcome<PropertyResponse>> HandleAsync(RegisterPropertyRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var validated = RegisterPropertyValidator.Validate(request);
        if (validated.Value is not { } registration)
        {
            return Problem.Invalid(validated.Errors);
        }

        if (await db.Properties.AnyAsync(p => p.RenovationCode == registration.RenovationCode, cancellationToken))
        {
            return AlreadyRegistered(registration.RenovationCode);
        }

        var property = RealProperty.Register(registration, time.GetDatabaseNow(), caller.Actor);
        db.Properties.Add(property);
        db.PublishOnCommit(new PropertyRegistered(
            property.RenovationCode.Value,
            property.District,
            [.. property.CurrentOwners.Select(o => new OwnerShare(o.PartyId, o.Share.ToString()))])
        {
            OccurredAt = property.RegisteredAt,
            CorrelationId = caller.CorrelationId,
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Lost a race with a concurrent registration of the same code; nothing of ours was written.
            return AlreadyRegistered(registration.RenovationCode);
        }

        // "Not registered" may be cached for this code.
        await cache.InvalidateAsync(property.RenovationCode);
        return PropertyResponse.From(property);
    }

    private static Problem AlreadyRegistered(RenovationCode code) => Problem.Conflict(
        Refusal.PropertyExists, "Property already registered.", $"A property with renovation code {code.Value} is already registered.");
}
