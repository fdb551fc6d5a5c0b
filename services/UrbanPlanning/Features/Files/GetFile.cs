namespace CityEServices.UrbanPlanning.Features.Files;

/// <summary>
/// A file with its requests (and their histories) and its supervision, for those who may read it: an
/// admin; an operator of the file's office while office management authorises them for URBAN_FILE; a
/// reviewer of its district; a client granted <c>urban-planning.read</c> (national IDs masked without
/// <c>pii.read</c>).
/// </summary>
public sealed class GetFile(UrbanPlanningDbContext db, FileByLaw access, ServiceRuleBook rules, TimeProvider time)
{
    public static readonly IReadOnlyCollection<string> ClientScopes = [Scopes.UrbanPlanningRead];

    public async Task<Outcome<FileResponse>> HandleAsync(string fileNumber, Caller caller, CancellationToken cancellationToken)
    {
        if (!FileNumber.TryParse(fileNumber, out var number, out var error))
        {
            return Problem.Invalid("fileNumber", error);
        }

        if (FileAccessRules.CanReadAny(caller, ClientScopes) is { } mayNotRead)
        {
            return mayNotRead;
        }

        var key = number.ToString();
        var file = await db.FindFileAsync(key, cancellationToken);
        if (file is null)
        {
            return Problem.NotFound("File not found.", $"There is no urban-planning file {key}.");
        }

        if (await access.RefuseReadingAsync(caller, file, ServiceTypes.UrbanFile, ClientScopes, cancellationToken) is { } refused)
        {
            return refused;
        }

        var requests = await db.RequestsOfFileAsync(key, cancellationToken);
        var assignments = await db.SupervisorAssignments.AsNoTracking().Where(a => a.FileNumber == key).OrderBy(a => a.AssignedAt).ToListAsync(cancellationToken);
        var reports = await db.SupervisorReports.AsNoTracking().Where(r => r.FileNumber == key).OrderBy(r => r.FiledAt).ToListAsync(cancellationToken);
        var changes = await db.FileChangesAsync(key, cancellationToken);
        var now = time.GetUtcNow();
        return FileResponse.From(file, [.. requests.Select(r => RequestResponse.From(r, rules, now))], caller) with
        {
            Changes = [.. changes.Select(c => new Features.Tracking.FileChangeResponse(DualTime.From(c.At), c.Kind, c.FromOfficeCode, c.ToOfficeCode))],
            Supervision = [.. assignments.Select(a => new SupervisionResponse(
                a.Id,
                a.PermitNumber,
                a.LicenceNumber,
                DualTime.From(a.AssignedAt),
                a.CompletedAt is { } completed ? DualTime.From(completed) : null,
                [.. reports.Where(r => r.AssignmentId == a.Id).Select(ReportResponse.From)]))],
        };
    }
}
