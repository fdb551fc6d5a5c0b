namespace CityEServices.OfficeManagement.Features.Offices;

/// <summary>
/// Opens an office. Not announced to authorisation caches: a new office holds no licence, so every
/// answer about it stays a refusal whatever a cache holds.
/// </summary>
public sealed class CreateOffice(OfficeManagementDbContext db, TimeProvider time)
{
    public async Task<Outcome<OfficeResponse>> HandleAsync(CreateOfficeRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var validated = OfficeRules.Validate(request);
        if (validated.Value is not { } newOffice)
        {
            return Problem.Invalid(validated.Errors);
        }

        if (await db.Offices.AnyAsync(o => o.Code == newOffice.Code, cancellationToken))
        {
            return Exists(newOffice);
        }

        var office = Office.Open(newOffice.Code, newOffice.Name, newOffice.District, newOffice.Address, newOffice.Status, time.GetDatabaseNow(), caller.Actor);
        db.Offices.Add(office);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Exists(newOffice);
        }

        return OfficeResponse.From(office, [], []);
    }

    private static Problem Exists(NewOffice office) =>
        Problem.Conflict(Conflicts.OfficeExists, "Office already exists.", $"An office with code {office.Code} already exists.");
}
