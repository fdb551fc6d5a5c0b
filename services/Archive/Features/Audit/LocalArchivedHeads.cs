namespace CityEServices.Archive.Features.Audit;

/// <summary>
/// The archive's own trails compared with its own audit_heads. Weaker than for the other services: a rewrite
/// of the archive's database can rewrite both. It still shows a trail cut short by deletes that bypassed the
/// triggers (as a superuser) when audit_heads was left alone, and audit_heads is itself a chained trail.
/// </summary>
public sealed class LocalArchivedHeads(ArchiveDbContext db) : IArchivedHeads
{
    public async Task<IReadOnlyList<ArchivedHead>?> GetAsync(string service, CancellationToken cancellationToken)
    {
        var heads = await db.AuditHeads
            .Where(h => h.Service == service)
            .GroupBy(h => h.Trail)
            .Select(g => g.OrderByDescending(h => h.Sequence).First())
            .ToListAsync(cancellationToken);
        return [.. heads.Select(h => new ArchivedHead(h.Trail, h.Sequence, h.Hash, h.PublishedAt))];
    }
}
