namespace CityEServices.UrbanPlanning.Features.Verification;

/// <summary>The scanned QR text.</summary>
public sealed record VerifyPayloadBody(string? Payload);

/// <summary>The holder as the public sees them: initials and a masked national ID.</summary>
public sealed record MaskedHolder(string Name, string? NationalId);

/// <summary>
/// What anyone may learn of a document: <c>valid</c>, <c>revoked</c>, <c>expired</c> or
/// <c>superseded</c> with what it is; <c>invalid</c> (and only <see cref="Reason"/>) for a QR text whose
/// signature does not hold.
/// </summary>
public sealed record VerificationResponse(
    string Status,
    string? Number = null,
    string? Type = null,
    string? TypeTitleFa = null,
    DateTimeOffset? IssuedAt = null,
    string? IssuedAtJalali = null,
    DateTimeOffset? ExpiresAt = null,
    string? ExpiresAtJalali = null,
    string? RenovationCode = null,
    int? District = null,
    MaskedHolder? Holder = null,
    string? SupersededBy = null,
    string? KeyId = null,
    string? Reason = null)
{
    public const string Invalid = "invalid";
}
