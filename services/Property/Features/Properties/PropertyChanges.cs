using Npgsql;

namespace CityEServices.Property.Features.Properties;

/// <summary>
/// The steps every change to a registered property shares: load it with its current holdings, tracked;
/// save under the concurrency guard; drop the cached entry once the change has committed.
/// </summary>
public sealed class PropertyChanges(PropertyDbContext db, PropertyCache cache)
{
    public Task<RealProperty?> FindAsync(RenovationCode code, CancellationToken cancellationToken) =>
        db.Properties
            .Include(p => p.Owners.Where(o => o.ValidTo == null))
            .FirstOrDefaultAsync(p => p.RenovationCode == code, cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the property and saves it; the property as it now stands, or why not.</summary>
    public async Task<Outcome<PropertyResponse>> ChangeAsync(RenovationCode code, Func<RealProperty, Refusal?> change, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } property)
        {
            return PropertyProblems.NotFound(code);
        }

        if (change(property) is { } refusal)
        {
            return PropertyProblems.Refused(refusal);
        }

        return await SaveAsync(code, cancellationToken) is { } conflict ? conflict : PropertyResponse.From(property);
    }

    /// <summary>
    /// Commits the change (with any event published on the context), then drops the cached entry; the 409
    /// <c>ConcurrentChange</c> when another change to the property committed first (nothing of ours is written then).
    /// </summary>
    public async Task<Problem?> SaveAsync(RenovationCode code, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation()
            || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation })
        {
            return PropertyProblems.ChangedConcurrently(code);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            // The one-current-holding constraint is deferred, so it speaks at commit, outside SaveChanges' wrapping.
            return PropertyProblems.ChangedConcurrently(code);
        }

        await cache.InvalidateAsync(code);
        return null;
    }
}
