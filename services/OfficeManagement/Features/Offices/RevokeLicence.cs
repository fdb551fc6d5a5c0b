namespace CityEServices.OfficeManagement.Features.Offices;

/// <summary>
/// Revokes an office's licence for a service type (kept as history); publishes OfficeLicenceChanged and
/// tells authorisation caches in the same commit, which a concurrent revoke of the same licence loses.
/// </summary>
public sealed class RevokeLicence(OfficeManagementDbContext db, AuthorizationChanges changes, TimeProvider time)
{
    private const string NotRevoked = "Licence not revoked.";

    public async Task<Outcome<LicenceResponse>> HandleAsync(string code, string serviceType, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var officeCode = errors.Parse<OfficeCode>("code", code);
        var type = Fields.ServiceType(serviceType, errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        var office = await db.Offices.Include(o => o.Licences).FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficeRules.NotFound(officeCode);
        }

        var revoked = office.RevokeLicence(type!, time.GetDatabaseNow(), caller.Actor);
        if (revoked.Value is not { } licence)
        {
            return OfficeRules.Conflict(revoked.Refusal!, NotRevoked);
        }

        changes.LicenceChanged(office.Code, type!, granted: false, caller, licence.RevokedAt!.Value);
        // Revoked by a concurrent request since we read it: the same answer a later request gets.
        var conflict = await changes.CommitAsync(
            ex => ex is DbUpdateConcurrencyException,
            () => Problem.Conflict(Conflicts.NoActiveLicence, NotRevoked, $"Office {office.Code} holds no licence for {type}."),
            cancellationToken);
        return conflict is null ? LicenceResponse.From(licence) : conflict;
    }
}
