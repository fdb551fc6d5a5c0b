using CityEServices.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Identity.Data;

public static class RevocationQueries
{
    /// <summary>Whether a token of <paramref name="subject"/> issued at <paramref name="issuedAt"/> is revoked.</summary>
    public static Task<bool> CoverAsync(this DbSet<Revocation> revocations, string subject, DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        revocations.AnyAsync(r => r.Subject == subject && r.RevokedAt >= issuedAt, cancellationToken);

    /// <summary>The latest moment <paramref name="subject"/>'s tokens were revoked after <paramref name="since"/>, if any.</summary>
    public static Task<DateTimeOffset?> LatestSinceAsync(this DbSet<Revocation> revocations, string subject, DateTimeOffset since, CancellationToken cancellationToken) =>
        revocations.Where(r => r.Subject == subject && r.RevokedAt > since).MaxAsync(r => (DateTimeOffset?)r.RevokedAt, cancellationToken);
}
