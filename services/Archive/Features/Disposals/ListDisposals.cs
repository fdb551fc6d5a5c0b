namespace CityEServices.Archive.Features.Disposals;

/// <summary>Every disposal, newest first.</summary>
public sealed class ListDisposals(ArchiveDbContext db)
{
    public Task<Outcome<Page<DisposalResponse>>> HandleAsync(string? page, string? pageSize, Caller caller, CancellationToken cancellationToken) =>
        ArchivistLists.PageAsync(
            db.Disposals.AsNoTracking().OrderByDescending(d => d.DisposedAt).ThenByDescending(d => d.Id),
            DisposalResponse.From, page, pageSize, caller, cancellationToken);
}
