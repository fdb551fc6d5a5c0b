namespace CityEServices.Identity.Features.Revocations;

/// <summary>
/// The latest revocation of each subject younger than the access-token lifetime plus
/// <see cref="IdentitySettings.RevocationListSlack"/>: an older one can match no token still alive
/// (every token it covers was issued before it and has expired), so the list stays short.
/// </summary>
public sealed class ListRevocations(IdentityDbContext db, IOptions<IdentitySettings> settings, TimeProvider time)
{
    public async Task<RevocationListResponse> HandleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - settings.Value.AccessTokenLifetime - IdentitySettings.RevocationListSlack;
        var revocations = await db.Revocations.AsNoTracking()
            .Where(r => r.RevokedAt > since)
            .GroupBy(r => r.Subject)
            .Select(g => new { Subject = g.Key, RevokedAt = g.Max(r => r.RevokedAt) })
            .OrderBy(r => r.Subject)
            .ToListAsync(cancellationToken);
        return new RevocationListResponse(now, [.. revocations.Select(r => new RevocationEntryResponse(r.Subject, r.RevokedAt))]);
    }
}
