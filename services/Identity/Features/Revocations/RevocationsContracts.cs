namespace CityEServices.Identity.Features.Revocations;

/// <summary>
/// <c>GET /internal/revocations</c>: every revocation a live token could still match. A token is revoked
/// when its <c>sub</c> is listed and its <c>iat</c> is at or before that subject's <c>revokedAt</c>.
/// </summary>
public sealed record RevocationListResponse(DateTimeOffset GeneratedAt, IReadOnlyList<RevocationEntryResponse> Revocations);

public sealed record RevocationEntryResponse(string Subject, DateTimeOffset RevokedAt);
