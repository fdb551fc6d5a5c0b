namespace CityEServices.Identity.Domain;

/// <summary>
/// An integrator application (client credentials): what it may do (roles, scopes), who made it and
/// when, and whether it is revoked. Its credentials live beside it in OpenIddict's application row
/// (same client id); the secret it replaced last is kept here, hashed, until its overlap ends.
/// </summary>
public sealed class IntegratorClient
{
    public required string ClientId { get; init; }

    public required string DisplayName { get; init; }

    public string[] Roles { get; init; } = [];

    public string[] Scopes { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public DateTimeOffset? SecretRotatedAt { get; private set; }

    /// <summary>The hash of the secret before the last rotation (as OpenIddict hashes secrets).</summary>
    public string? PreviousSecretHash { get; private set; }

    public DateTimeOffset? PreviousSecretValidUntil { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(DateTimeOffset now, string actor)
    {
        RevokedAt = now;
        RevokedBy = actor;
        PreviousSecretHash = null;
        PreviousSecretValidUntil = null;
    }

    /// <summary>The secret whose hash is <paramref name="previousHash"/> keeps working until <paramref name="validUntil"/>; a secret older than it stops now.</summary>
    public void SecretRotated(DateTimeOffset now, string? previousHash, DateTimeOffset validUntil)
    {
        SecretRotatedAt = now;
        PreviousSecretHash = previousHash;
        PreviousSecretValidUntil = previousHash is null ? null : validUntil;
    }

    /// <summary>The previous secret's hash while its overlap lasts; null once it has ended (or there is none).</summary>
    public string? PreviousSecretHashAt(DateTimeOffset now) =>
        PreviousSecretHash is not null && now < PreviousSecretValidUntil ? PreviousSecretHash : null;
}
