namespace CityEServices.OfficeManagement.Features.Scorecards;

/// <summary>One office's scorecard, in total and per service type, for an admin or the office's own Manager.</summary>
public sealed class GetScorecard(OfficeManagementDbContext db, TimeProvider time)
{
    public async Task<Outcome<OfficeScorecardResponse>> HandleAsync(string code, Caller caller, CancellationToken cancellationToken)
    {
        if (!OfficeCode.TryParse(code, out var officeCode, out var error))
        {
            return Problem.Invalid("code", error);
        }

        if (await db.RefuseReadingAsync(caller, officeCode, cancellationToken) is { } refused)
        {
            return refused;
        }

        var office = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficeRules.NotFound(officeCode);
        }

        var rows = await db.ForOfficeAsync(officeCode.Value, cancellationToken);
        var totals = rows.FirstOrDefault(r => r.ServiceType is null) is { } total ? ScorecardFigures.From(total) : ScorecardFigures.None;
        var byType = rows.Where(r => r.ServiceType is not null)
            .OrderBy(r => r.ServiceType, StringComparer.Ordinal)
            .Select(r =>
            {
                var info = ServiceTypeCatalog.Find(r.ServiceType!);
                return new ServiceTypeScorecard(r.ServiceType!, info?.TitleFa, info?.TitleEn, ScorecardFigures.From(r));
            })
            .ToList();
        return new OfficeScorecardResponse(office.Code.Value, office.Name, office.District, office.Status, DualTime.From(time.GetUtcNow()), totals, byType);
    }
}
