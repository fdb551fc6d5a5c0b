using static CityEServices.UrbanPlanning.Domain.Documents.DocumentQrFormat;

namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>Checks a scanned QR text against a key set: the signed payload, or why not.</summary>
public static class DocumentVerifier
{
    public static DocumentVerification Verify(string? text, DocumentKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxTextLength || !trimmed.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return DocumentVerification.Invalid(DocumentVerificationFailure.Malformed, $"not a city document payload (expected {Prefix}…)");
        }

        if (!Base45.TryDecode(trimmed.AsSpan(Prefix.Length), out var bytes))
        {
            return DocumentVerification.Invalid(DocumentVerificationFailure.Malformed, "not Base45");
        }

        if (!CoseSign1.TryDecode(bytes, out var message, out var error))
        {
            return DocumentVerification.Invalid(DocumentVerificationFailure.Malformed, error);
        }

        if (!keys.TryGet(message.KeyId, out var key))
        {
            return DocumentVerification.Invalid(DocumentVerificationFailure.UnknownKey, $"unknown key id '{message.KeyId}'", message.KeyId);
        }

        if (!key.Verify(CoseSign1.SignatureInput(message.ProtectedHeader, message.Payload), message.Signature))
        {
            return DocumentVerification.Invalid(DocumentVerificationFailure.BadSignature, "the signature does not match", message.KeyId);
        }

        // Only signed bytes are read past this point.
        return DocumentClaims.TryDecode(message.Payload, out var payload, out error)
            ? DocumentVerification.Valid(payload, message.KeyId)
            : DocumentVerification.Invalid(DocumentVerificationFailure.Malformed, error, message.KeyId);
    }
}
