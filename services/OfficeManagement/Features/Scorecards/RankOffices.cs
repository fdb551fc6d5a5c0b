namespace CityEServices.OfficeManagement.Features.Scorecards;

/// <summary>
/// The city-wide ranking of offices that handled requests: first-time-right rate, then SLA breach rate,
/// then median turnaround. Ranked city-wide first, then filtered: a district's offices keep their city rank.
/// </summary>
public sealed class RankOffices(OfficeManagementDbContext db)
{
    public async Task<Outcome<Page<RankedOfficeScorecard>>> HandleAsync(string? district, string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var inDistrict = Fields.DistrictFilter(district, errors);
        var pageRequest = PageRequest.Read(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        var totals = await db.OfficeTotalsAsync(cancellationToken);
        var offices = await db.Offices.AsNoTracking()
            .Select(o => new { Code = o.Code.Value, o.Name, o.District, o.Status })
            .ToDictionaryAsync(o => o.Code, cancellationToken);

        var ranked = totals
            .Where(t => offices.ContainsKey(t.OfficeCode))
            .Select(t => (Office: offices[t.OfficeCode], Figures: ScorecardFigures.From(t)))
            .OrderByDescending(x => x.Figures.FirstTimeRightRate)
            .ThenBy(x => x.Figures.SlaBreachRate)
            .ThenBy(x => x.Figures.MedianTurnaroundHours ?? double.MaxValue)
            .ThenByDescending(x => x.Figures.Requests)
            .ThenBy(x => x.Office.Code, StringComparer.Ordinal)
            .Select((x, index) => new RankedOfficeScorecard(index + 1, x.Office.Code, x.Office.Name, x.Office.District, x.Office.Status, x.Figures))
            .Where(r => inDistrict is null || r.District == inDistrict)
            .ToList();
        return new Page<RankedOfficeScorecard>([.. ranked.Skip(pageRequest.Skip).Take(pageRequest.PageSize)], pageRequest.Page, pageRequest.PageSize, ranked.Count);
    }
}
