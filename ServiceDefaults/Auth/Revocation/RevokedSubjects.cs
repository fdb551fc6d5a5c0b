using System.Collections.Frozen;

namespace CityEServices.ServiceDefaults.Auth.Revocation;

/// <summary>
/// The subjects (users, clients) whose tokens issued up to a moment are revoked, as identity last
/// listed them. A token is refused when its subject is listed and it was issued at or before that
/// moment; a token issued later (after a reactivation) is not covered.
/// </summary>
public sealed class RevokedSubjects
{
    private FrozenDictionary<string, DateTimeOffset> _revoked = FrozenDictionary<string, DateTimeOffset>.Empty;

    public int Count => _revoked.Count;

    public bool IsRevoked(string subject, DateTimeOffset issuedAt) =>
        _revoked.TryGetValue(subject, out var revokedAt) && issuedAt <= revokedAt;

    /// <summary>Takes identity's whole current list (it lists every revocation a live token could still match).</summary>
    public void Replace(IEnumerable<(string Subject, DateTimeOffset RevokedAt)> revocations) =>
        _revoked = revocations
            .GroupBy(r => r.Subject, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Max(r => r.RevokedAt), StringComparer.Ordinal);
}
