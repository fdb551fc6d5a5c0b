namespace CityEServices.UrbanPlanning.Features.Me;

/// <summary>The signed-in citizen's files, newest first, paged like every list.</summary>
public sealed class ListMyFiles(UrbanPlanningDbContext db, ServiceRuleBook rules)
{
    public async Task<Outcome<Page<MyFileResponse>>> HandleAsync(string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        var who = CitizenFiles.NationalIdOf(caller);
        if (!who.Succeeded)
        {
            return who.Problem!;
        }

        var errors = new ValidationErrors();
        var paging = PageRequest.Read(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        var nationalId = who.Value;
        var files = await db.Files.AsNoTracking()
            .Where(f => f.HolderNationalIds.Contains(nationalId))
            .OrderByDescending(f => f.OpenedAt).ThenByDescending(f => f.FileNumber)
            .ToPageAsync(paging, cancellationToken);
        var numbers = files.Items.Select(f => f.FileNumber).ToList();
        var requests = await db.Requests.AsNoTracking().Where(r => numbers.Contains(r.FileNumber))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return files.Map(f => new MyFileResponse(
            f.FileNumber, f.TrackingCode, f.RenovationCode, f.District, f.Status, DualTime.From(f.OpenedAt),
            [.. requests.Where(r => r.FileNumber == f.FileNumber)
                .Select(r => new MyRequestSummary(r.Id, r.ServiceType, rules.Get(r.ServiceType, r.RulesVersion).TitleFa, r.Status))]));
    }
}
