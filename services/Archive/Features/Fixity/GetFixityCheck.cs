namespace CityEServices.Archive.Features.Fixity;

/// <summary>One fixity run: its status, progress and findings so far.</summary>
public sealed class GetFixityCheck(ArchiveDbContext db)
{
    public async Task<Outcome<FixityCheckResponse>> HandleAsync(Guid runId, Caller caller, CancellationToken cancellationToken)
    {
        if (DocumentAccessRules.CanManage(caller) is { } refusal)
        {
            return refusal;
        }

        var check = await db.FixityChecks.AsNoTracking().Include(c => c.Findings).SingleOrDefaultAsync(c => c.Id == runId, cancellationToken);
        return check is null ? Problem.NotFound("Fixity run not found.", $"No fixity run {runId}.") : FixityCheckResponse.From(check);
    }
}
