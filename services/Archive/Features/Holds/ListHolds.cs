namespace CityEServices.Archive.Features.Holds;

/// <summary>Legal holds, newest first; <c>active</c> narrows to the active (true) or released (false) ones.</summary>
public sealed class ListHolds(ArchiveDbContext db)
{
    public Task<Outcome<Page<HoldResponse>>> HandleAsync(bool? active, string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        var holds = active switch
        {
            true => db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null),
            false => db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt != null),
            null => db.LegalHolds.AsNoTracking(),
        };
        return ArchivistLists.PageAsync(holds.OrderByDescending(h => h.PlacedAt).ThenByDescending(h => h.Id), HoldResponse.From, page, pageSize, caller, cancellationToken);
    }
}
