namespace CityEServices.Archive.Features.Fixity;

/// <summary>Fixity runs, manual and scheduled, waiting, under way or completed, newest first.</summary>
public sealed class ListFixityChecks(ArchiveDbContext db)
{
    public Task<Outcome<Page<FixityCheckResponse>>> HandleAsync(string? page, string? pageSize, Caller caller, CancellationToken cancellationToken) =>
        ArchivistLists.PageAsync(
            db.FixityChecks.AsNoTracking().Include(c => c.Findings).OrderByDescending(c => c.RequestedAt).ThenByDescending(c => c.Id),
            FixityCheckResponse.From, page, pageSize, caller, cancellationToken);
}
