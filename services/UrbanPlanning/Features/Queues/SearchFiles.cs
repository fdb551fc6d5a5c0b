namespace CityEServices.UrbanPlanning.Features.Queues;

/// <summary>What the file search takes; every filter optional, all given ones must match.</summary>
public sealed record FileSearch(string? RenovationCode, string? ApplicantNationalId, string? Status, string? Page, string? PageSize);

/// <summary>
/// Files by renovation code, applicant national ID, or a request status, for those who may read them:
/// an admin and integrator clients with <c>urban-planning.read</c> see every district (clients with
/// national IDs masked unless they hold <c>pii.read</c>), a reviewer their district, an operator their
/// office while office management authorises them.
/// </summary>
public sealed class SearchFiles(UrbanPlanningDbContext db, OfficeAuthorizations offices)
{
    public async Task<Outcome<Page<FileSearchItem>>> HandleAsync(FileSearch search, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Read(search.Page, search.PageSize, errors);
        string? renovationCode = null;
        if (!string.IsNullOrWhiteSpace(search.RenovationCode))
        {
            if (RenovationCode.TryParse(search.RenovationCode, out var code, out var error))
            {
                renovationCode = code.ToString();
            }
            else
            {
                errors.Add("renovationCode", error);
            }
        }

        string? applicant = null;
        if (!string.IsNullOrWhiteSpace(search.ApplicantNationalId))
        {
            if (NationalId.TryParse(search.ApplicantNationalId, out var id, out var error))
            {
                applicant = id.Value;
            }
            else
            {
                errors.Add("applicantNationalId", error);
            }
        }

        RequestStatus? status = null;
        if (!string.IsNullOrWhiteSpace(search.Status))
        {
            if (Enum.TryParse<RequestStatus>(search.Status.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(search.Status, out _))
            {
                status = parsed;
            }
            else
            {
                errors.Add("status", $"status must be one of {string.Join(", ", Enum.GetNames<RequestStatus>())}; got '{search.Status}'.");
            }
        }

        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        if (FileAccessRules.CanReadAny(caller, [Scopes.UrbanPlanningRead]) is { } mayNotRead)
        {
            return mayNotRead;
        }

        var files = db.Files.AsNoTracking();
        if (!caller.IsClient && !caller.IsIn(Roles.Admin))
        {
            if (caller.IsIn(Roles.OfficeOperator))
            {
                if (await offices.CheckOperatorAsync(caller, ServiceTypes.UrbanFile, cancellationToken) is { } refused)
                {
                    return refused;
                }

                var office = caller.OfficeCode!;
                files = files.Where(f => f.OfficeCode == office);
            }
            else
            {
                var district = caller.District;
                files = files.Where(f => f.District == district);
            }
        }

        if (renovationCode is not null)
        {
            files = files.Where(f => f.RenovationCode == renovationCode);
        }

        if (applicant is not null)
        {
            files = files.Where(f => f.ApplicantNationalId == applicant);
        }

        if (status is { } s)
        {
            files = files.Where(f => db.Requests.Any(r => r.FileNumber == f.FileNumber && r.Status == s));
        }

        var page = await files.OrderByDescending(f => f.OpenedAt).ThenBy(f => f.FileNumber).ToPageAsync(paging, cancellationToken);
        var numbers = page.Items.Select(f => f.FileNumber).ToList();
        var statuses = (await db.Requests.AsNoTracking().Where(r => numbers.Contains(r.FileNumber)).Select(r => new { r.FileNumber, r.Status }).ToListAsync(cancellationToken))
            .ToLookup(r => r.FileNumber, r => r.Status);
        return page.Map(f => new FileSearchItem(
            f.FileNumber, f.RenovationCode, f.District, f.OfficeCode, caller.Shown(f.ApplicantNationalId), f.Status, DualTime.From(f.OpenedAt),
            [.. statuses[f.FileNumber]]));
    }
}
