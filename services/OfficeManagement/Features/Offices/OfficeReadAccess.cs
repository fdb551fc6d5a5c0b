namespace CityEServices.OfficeManagement.Features.Offices;

/// <summary>Who may read one office (its record and its scorecard): an admin, or that office's own active Manager.</summary>
public static class OfficeReadAccess
{
    /// <summary>Null when <paramref name="caller"/> may read <paramref name="office"/>; else the 403 to answer.</summary>
    public static async Task<Problem?> RefuseReadingAsync(this OfficeManagementDbContext db, Caller caller, OfficeCode office, CancellationToken cancellationToken)
    {
        if (caller.IsIn(Roles.Admin))
        {
            return null;
        }

        // Checked before any lookup of the office itself, so an operator cannot probe which other offices exist.
        if (caller.OfficeCode != office.Value)
        {
            return Problem.Forbidden("NotYourOffice", $"An office operator may read only their own office, not {office}.");
        }

        var isManager = NationalId.TryParse(caller.NationalId, out var person)
            && await db.Staff.AnyAsync(s => s.NationalId == person && s.OfficeCode == office && s.Active && s.Role == StaffRole.Manager, cancellationToken);
        return isManager
            ? null
            : Problem.Forbidden("NotOfficeManager", $"Only the Manager of office {office} (or an admin) may read it.");
    }
}
