namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>Why a QR text does not verify.</summary>
public enum DocumentVerificationFailure
{
    /// <summary>Not our format: wrong prefix, not Base45, not the COSE/CWT shape we sign.</summary>
    Malformed,

    /// <summary>Well formed, but signed with a key id the key set does not hold.</summary>
    UnknownKey,

    /// <summary>The signature does not match: the text was altered or forged.</summary>
    BadSignature,
}

/// <summary>The outcome of checking a QR text: the signed payload, or why not.</summary>
public sealed record DocumentVerification(DocumentPayload? Payload, string? KeyId, DocumentVerificationFailure? Failure, string? Reason)
{
    public bool IsValid => Payload is not null && Failure is null;

    public static DocumentVerification Valid(DocumentPayload payload, string keyId) => new(payload, keyId, null, null);

    public static DocumentVerification Invalid(DocumentVerificationFailure failure, string reason, string? keyId = null) =>
        new(null, keyId, failure, reason);
}
