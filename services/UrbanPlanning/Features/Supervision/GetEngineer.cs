namespace CityEServices.UrbanPlanning.Features.Supervision;

/// <summary>An engineer of the registry and how many buildings they supervise now, for the staff who read files (not for clients).</summary>
public sealed class GetEngineer(UrbanPlanningDbContext db)
{
    public async Task<Outcome<EngineerResponse>> HandleAsync(string licenceNumber, Caller caller, CancellationToken cancellationToken)
    {
        if (FileAccessRules.CanReadAny(caller, clientScopes: []) is { } refused)
        {
            return refused;
        }

        var licence = EngineerRules.NormalizeLicence(licenceNumber);
        var engineer = licence is null ? null : await db.Engineers.AsNoTracking().SingleOrDefaultAsync(e => e.LicenceNumber == licence, cancellationToken);
        if (engineer is null)
        {
            return Problem.NotFound("Engineer not found.", $"No engineer with licence {licenceNumber} is registered.");
        }

        var active = await db.SupervisorAssignments.CountAsync(a => a.LicenceNumber == engineer.LicenceNumber && a.CompletedAt == null, cancellationToken);
        return new EngineerResponse(engineer.LicenceNumber, engineer.FullName, engineer.Grade, engineer.Capacity, active);
    }
}
