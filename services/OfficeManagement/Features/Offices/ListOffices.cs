namespace CityEServices.OfficeManagement.Features.Offices;

/// <summary>Offices by district, status and licensed service type, a page at a time, in district then code order.</summary>
public sealed class ListOffices(OfficeManagementDbContext db)
{
    public async Task<Outcome<Page<OfficeSummaryResponse>>> HandleAsync(
        string? district, string? status, string? serviceType, string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        var validated = OfficeRules.ValidateFilter(district, status, serviceType, page, pageSize);
        if (validated.Value is not { } filter)
        {
            return Problem.Invalid(validated.Errors);
        }

        var query = db.Offices.AsNoTracking();
        if (filter.District is { } d)
        {
            query = query.Where(o => o.District == d);
        }

        if (filter.Status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (filter.ServiceType is { } type)
        {
            query = query.Where(o => o.Licences.Any(l => l.ServiceType == type && l.RevokedAt == null));
        }

        return await query
            .OrderBy(o => o.District).ThenBy(o => o.Code)
            .Select(o => new OfficeSummaryResponse(
                o.Code.Value,
                o.Name,
                o.District,
                o.Address,
                o.Status,
                o.Licences.Where(l => l.RevokedAt == null).OrderBy(l => l.ServiceType).Select(l => l.ServiceType).ToList(),
                db.Staff.Count(m => m.OfficeCode == o.Code && m.Active)))
            .ToPageAsync(filter.Page, cancellationToken);
    }
}
