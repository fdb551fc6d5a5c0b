namespace CityEServices.Identity.Domain;

/// <summary>
/// Every token of <see cref="Subject"/> issued at or before <see cref="RevokedAt"/> is refused. Written
/// in the same transaction as the change that causes it (a deactivation, a client revocation, a change
/// of roles, office, district or national ID, an admin's password reset), and served to every service
/// at <c>GET /internal/revocations</c> for as long as a token it covers can still be alive.
/// </summary>
public sealed class Revocation
{
    public long Id { get; init; }

    /// <summary>The token subject (<c>sub</c>): a user's id, or a client's client id.</summary>
    public required string Subject { get; init; }

    public DateTimeOffset RevokedAt { get; init; }

    public required string Cause { get; init; }
}
