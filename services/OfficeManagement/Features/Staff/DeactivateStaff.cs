namespace CityEServices.OfficeManagement.Features.Staff;

/// <summary>Ends a person's current engagement (the record stays as history); tells authorisation caches in the same commit.</summary>
public sealed class DeactivateStaff(OfficeManagementDbContext db, AuthorizationChanges changes, TimeProvider time)
{
    public async Task<Outcome<StaffResponse>> HandleAsync(string nationalId, Caller caller, CancellationToken cancellationToken)
    {
        if (!NationalId.TryParse(nationalId, out var person, out var idError))
        {
            return Problem.Invalid("nationalId", idError);
        }

        var current = await db.Staff.FirstOrDefaultAsync(s => s.NationalId == person && s.Active, cancellationToken);
        if (current is null)
        {
            return await db.Staff.AnyAsync(s => s.NationalId == person, cancellationToken)
                ? Problem.Conflict(Conflicts.StaffNotActive, "Staff member not deactivated.", $"{person} is not active at any office.")
                : StaffRules.NotFound(person);
        }

        var now = time.GetDatabaseNow();
        current.Deactivate(now, caller.Actor);
        changes.StaffChanged(person, current.OfficeCode, caller, now);
        await db.SaveChangesAsync(cancellationToken);
        await changes.CommittedAsync();
        return StaffResponse.From(current);
    }
}
