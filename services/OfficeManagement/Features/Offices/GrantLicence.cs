namespace CityEServices.OfficeManagement.Features.Offices;

/// <summary>Licenses an office for a service type; publishes OfficeLicenceChanged and tells authorisation caches, in the same commit.</summary>
public sealed class GrantLicence(OfficeManagementDbContext db, AuthorizationChanges changes, TimeProvider time)
{
    private const string NotGranted = "Licence not granted.";

    public async Task<Outcome<LicenceResponse>> HandleAsync(string code, GrantLicenceRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = Fields.ForOffice(code, request, OfficeRules.Validate);
        if (input.Problem is { } invalid)
        {
            return invalid;
        }

        var (officeCode, serviceType) = input.Value;

        var office = await db.Offices.Include(o => o.Licences).FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficeRules.NotFound(officeCode);
        }

        var granted = office.GrantLicence(serviceType, time.GetDatabaseNow(), caller.Actor);
        if (granted.Value is not { } licence)
        {
            return OfficeRules.Conflict(granted.Refusal!, NotGranted);
        }

        db.Licences.Add(licence);
        changes.LicenceChanged(office.Code, serviceType, granted: true, caller, licence.GrantedAt);
        // Granted by a concurrent request since we read it: the same answer a later request gets.
        var conflict = await changes.CommitAsync(
            ex => ex.IsUniqueViolation(),
            () => Problem.Conflict(Conflicts.AlreadyLicensed, NotGranted, $"Office {officeCode} is already licensed for {serviceType}."),
            cancellationToken);
        return conflict is null ? LicenceResponse.From(licence) : conflict;
    }
}
