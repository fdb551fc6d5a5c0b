using CityEServices.Web.Data;

namespace CityEServices.OfficeManagement.Features.Offices;

/// <summary>Licenses an office for a service type; publishes OfficeLicenceChanged and tells authorisation caches, in the same commit.</summary>
public sealed class GrantLicence(OfficeManagementDbContext db, AuthorizationChanges changes, TimeProvider time)
{
    private const string NotGranted = "Licence not granted.";

    public async Task<Outcome<LicenceResponse>> HandleAsync(string code, GrantLicenceRequest request, Caller caller, CancellationToken cancellationToken)
    {
        if (!OfficeCode.TryParse(code, out var officeCode, out var error))
        {
            return Problem.Invalid("code", error);
        }

        var validated = OfficeRules.Validate(request);
        if (validated.Value is not { } serviceType)
        {
            return Problem.Invalid(validated.Errors);
        }

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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Granted by a concurrent request since we read it: the same answer a later request gets.
            return Problem.Conflict(Conflicts.AlreadyLicensed, NotGranted, $"Office {officeCode} is already licensed for {serviceType}.");
        }

        await changes.CommittedAsync();
        return LicenceResponse.From(licence);
    }
}
