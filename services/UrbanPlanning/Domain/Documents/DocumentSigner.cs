using static CityEServices.UrbanPlanning.Domain.Documents.DocumentQrFormat;

namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>Signs document payloads with the key ring's active key into the QR text of <see cref="DocumentQrFormat"/>.</summary>
public sealed class DocumentSigner(DocumentKeyRing keys)
{
    public string Sign(DocumentPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!IssuedDocumentTypes.IsKnown(payload.Type))
        {
            throw new ArgumentException($"'{payload.Type}' is not an issued document type.", nameof(payload));
        }

        if (payload.District != payload.RenovationCode.District)
        {
            throw new ArgumentException("The district must be the renovation code's district.", nameof(payload));
        }

        if (payload.ExpiresAt is { } expires && expires.ToUnixTimeSeconds() <= payload.IssuedAt.ToUnixTimeSeconds())
        {
            throw new ArgumentException("A document cannot expire before it is issued.", nameof(payload));
        }

        var key = keys.Active ?? throw new InvalidOperationException("The key ring has no active key: it can only verify.");
        var protectedHeader = CoseSign1.EncodeProtectedHeader(key.KeyId);
        var claims = DocumentClaims.Encode(payload);
        var signature = key.Sign(CoseSign1.SignatureInput(protectedHeader, claims));
        return Prefix + Base45.Encode(new CoseSign1(protectedHeader, key.KeyId, claims, signature).Encode());
    }
}
