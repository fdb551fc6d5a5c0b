using System.Security.Claims;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.OfficeManagement.Data;
using CityEServices.OfficeManagement.Domain;
using CityEServices.OfficeManagement.Scorecards;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.OfficeManagement.Api;

public static class ScorecardsApi
{
    public static IEndpointRouteBuilder MapScorecardsApi(this IEndpointRouteBuilder app)
    {
        var offices = app.MapGroup("/api/offices").WithTags("Scorecards");

        // A literal segment outranks {code}; "SCORECARDS" is refused as an office code for that reason.
        offices.MapGet("/scorecards", RankingAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("RankOffices")
            .WithSummary("City-wide ranking of offices that handled requests: first-time-right rate, then SLA breach rate, then median turnaround.");
        offices.MapGet("/{code}/scorecard", GetAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.OfficeOperator))
            .WithName("GetScorecard")
            .WithSummary("One office's scorecard, in total and per service type (admin, or that office's Manager).");
        return app;
    }

    public static async Task<Results<Ok<OfficeScorecardResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string code, OfficeManagementDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!OfficeCode.TryParse(code, out var officeCode, out var error))
        {
            return Problems.FieldError("code", error);
        }

        if (await OfficeAccess.RefuseReadingAsync(user, officeCode, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        var office = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficesApi.OfficeNotFound(officeCode);
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
        return TypedResults.Ok(new OfficeScorecardResponse(
            office.Code.Value, office.Name, office.District, office.Status, DualTime.From(time.GetUtcNow()), totals, byType));
    }

    public static async Task<Results<Ok<Paged<RankedOfficeScorecard>>, ValidationProblem>> RankingAsync(
        int? district, int? page, int? pageSize, OfficeManagementDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (district is < 1 or > 22)
        {
            errors.Add("district", $"District must be 1 to 22; got {district}.");
        }

        var (pageNumber, size) = Paging.Check(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var totals = await db.OfficeTotalsAsync(cancellationToken);
        var offices = await db.Offices.AsNoTracking()
            .Select(o => new { Code = o.Code.Value, o.Name, o.District, o.Status })
            .ToDictionaryAsync(o => o.Code, cancellationToken);

        // Ranked city-wide first, then filtered: a district's offices keep their city rank.
        var ranked = totals
            .Where(t => offices.ContainsKey(t.OfficeCode))
            .Select(t => (Office: offices[t.OfficeCode], Figures: ScorecardFigures.From(t)))
            .OrderByDescending(x => x.Figures.FirstTimeRightRate)
            .ThenBy(x => x.Figures.SlaBreachRate)
            .ThenBy(x => x.Figures.MedianTurnaroundHours ?? double.MaxValue)
            .ThenByDescending(x => x.Figures.Requests)
            .ThenBy(x => x.Office.Code, StringComparer.Ordinal)
            .Select((x, index) => new RankedOfficeScorecard(index + 1, x.Office.Code, x.Office.Name, x.Office.District, x.Office.Status, x.Figures))
            .Where(r => district is null || r.District == district)
            .ToList();
        var items = ranked.Skip((pageNumber - 1) * size).Take(size).ToList();
        return TypedResults.Ok(new Paged<RankedOfficeScorecard>(items, pageNumber, size, ranked.Count));
    }
}
