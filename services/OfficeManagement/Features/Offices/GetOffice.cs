namespace CityEServices.OfficeManagement.Features.Offices;

/// <summary>One office with its licences, staff and status history, for an admin or the office's own Manager.</summary>
public sealed class GetOffice(OfficeManagementDbContext db)
{
    public async Task<Outcome<OfficeResponse>> HandleAsync(string code, Caller caller, CancellationToken cancellationToken)
    {
        if (!OfficeCode.TryParse(code, out var officeCode, out var error))
        {
            return Problem.Invalid("code", error);
        }

        if (await db.RefuseReadingAsync(caller, officeCode, cancellationToken) is { } refused)
        {
            return refused;
        }

        var office = await db.Offices.AsNoTracking()
            .Include(o => o.Licences)
            .FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficeRules.NotFound(officeCode);
        }

        var staff = await db.Staff.AsNoTracking().Where(s => s.OfficeCode == officeCode).ToListAsync(cancellationToken);
        var history = await db.OfficeStatusChanges.AsNoTracking().Where(c => c.OfficeCode == officeCode).OrderBy(c => c.ChangedAt).ToListAsync(cancellationToken);
        return OfficeResponse.From(office, staff, history);
    }
}
