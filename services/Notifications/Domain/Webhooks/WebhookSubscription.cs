namespace CityEServices.Notifications.Domain.Webhooks;

/// <summary>
/// A client's wish to hear about some event types at a URL. It belongs to the client that made it;
/// the scopes that client held (as of its latest call) decide what it may receive and whether personal
/// data reaches it unmasked.
/// </summary>
public sealed class WebhookSubscription
{
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 200;

    public Guid Id { get; init; }

    public required string ClientId { get; init; }

    public required string Url { get; init; }

    public required string[] EventTypes { get; init; }

    public string? Description { get; init; }

    public required string Secret { get; set; }

    /// <summary>The secret before the latest rotation, which still signs until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public DateTimeOffset? SecretRotatedAt { get; set; }

    public required string[] OwnerScopes { get; set; }

    public SubscriptionStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }

    /// <summary>PostgreSQL's row version: of two rotations racing, the second is refused rather than silently undoing the first.</summary>
    public uint Version { get; set; }

    public bool MaySeePersonalData => OwnerScopes.Contains(Contracts.Security.Scopes.PiiRead, StringComparer.Ordinal);

    /// <summary>The secrets that sign now: the current one, and the previous one during its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretExpiresAt is { } until && now < until ? [Secret, previous] : [Secret];

    /// <summary>A new secret; the one it replaces keeps signing for <paramref name="overlap"/> (a rotation within an overlap drops the oldest).</summary>
    public void RotateSecret(string newSecret, DateTimeOffset now, TimeSpan overlap)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + overlap;
        Secret = newSecret;
        SecretRotatedAt = now;
    }

    public void Delete(DateTimeOffset now, string actor)
    {
        Status = SubscriptionStatus.Deleted;
        DeletedAt = now;
        DeletedBy = actor;
    }
}
