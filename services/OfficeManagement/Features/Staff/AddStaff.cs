namespace CityEServices.OfficeManagement.Features.Staff;

/// <summary>Registers a person on an office's staff (one active engagement per person); tells authorisation caches in the same commit.</summary>
public sealed class AddStaff(OfficeManagementDbContext db, AuthorizationChanges changes, TimeProvider time)
{
    private const string NotAdded = "Staff member not added.";

    public async Task<Outcome<StaffResponse>> HandleAsync(string code, AddStaffRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = Fields.ForOffice(code, request, StaffRules.Validate);
        if (input.Problem is { } invalid)
        {
            return invalid;
        }

        var (officeCode, newStaff) = input.Value;

        var office = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficeRules.NotFound(officeCode);
        }

        if (office.RefusalToHire() is { } refusal)
        {
            return OfficeRules.Conflict(refusal, NotAdded);
        }

        var activeAt = await db.Staff.AsNoTracking()
            .Where(s => s.NationalId == newStaff.NationalId && s.Active)
            .Select(s => (OfficeCode?)s.OfficeCode)
            .FirstOrDefaultAsync(cancellationToken);
        if (activeAt is { } current)
        {
            return Problem.Conflict(Conflicts.StaffAlreadyActive, NotAdded,
                $"{newStaff.NationalId} is already active staff at office {current}; move them (POST /api/staff/{newStaff.NationalId}/move) or deactivate them first.");
        }

        var now = time.GetDatabaseNow();
        var staff = StaffMember.Join(newStaff.NationalId, newStaff.FullName, newStaff.Role, office.Code, now, caller.Actor);
        db.Staff.Add(staff);
        changes.StaffChanged(staff.NationalId, office.Code, caller, now);
        var conflict = await changes.CommitAsync(
            ex => ex.IsUniqueViolation(),
            () => Problem.Conflict(Conflicts.StaffAlreadyActive, NotAdded, $"{newStaff.NationalId} was just added as active staff elsewhere."),
            cancellationToken);
        return conflict is null ? StaffResponse.From(staff) : conflict;
    }
}
