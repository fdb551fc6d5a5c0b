namespace CityEServices.UrbanPlanning.Features.Supervision;

/// <summary>Adds a supervising engineer to the registry (admins only), with the number of buildings they may supervise at once.</summary>
public sealed class RegisterEngineer(UrbanPlanningDbContext db, TimeProvider time)
{
    public async Task<Outcome<EngineerResponse>> HandleAsync(RegisterEngineerBody body, Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsIn(Roles.Admin))
        {
            return Problem.Forbidden(DenialReasons.RoleNotAllowed, "Only an admin registers supervising engineers.");
        }

        var validated = EngineerRules.Validate(body.LicenceNumber, body.FullName, body.Grade, body.Capacity);
        if (validated.Value is not { } valid)
        {
            return Problem.Invalid(validated.Errors);
        }

        if (await db.Engineers.AnyAsync(e => e.LicenceNumber == valid.LicenceNumber, cancellationToken))
        {
            return Registered(valid.LicenceNumber);
        }

        db.Engineers.Add(new Engineer(valid.LicenceNumber, valid.FullName, valid.Grade, valid.Capacity, time.GetDatabaseNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A concurrent registration of the same licence got there first.
            return Registered(valid.LicenceNumber);
        }

        return new EngineerResponse(valid.LicenceNumber, valid.FullName, valid.Grade, valid.Capacity, 0);
    }

    private static Problem Registered(string licence) =>
        Problem.Conflict("EngineerExists", "The engineer is already registered.", $"Licence {licence} is registered.");
}
