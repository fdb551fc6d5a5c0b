namespace CityEServices.Property.Data;

public static class PropertyQueries
{
    /// <summary>
    /// A property with every holding, past and current, and its whole history, untracked: what as-of
    /// reads and the history need. A property's history is short, so it is read whole.
    /// </summary>
    public static Task<RealProperty?> FindWithHistoryAsync(this PropertyDbContext db, RenovationCode code, CancellationToken cancellationToken) =>
        db.Properties.AsNoTracking().AsSplitQuery()
            .Include(p => p.Owners)
            .Include(p => p.History)
            .FirstOrDefaultAsync(p => p.RenovationCode == code, cancellationToken);
}
