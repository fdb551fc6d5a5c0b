using System.Diagnostics.CodeAnalysis;
using System.Formats.Cbor;
using static CityEServices.UrbanPlanning.Domain.Documents.DocumentQrFormat;

namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>The CWT claims of <see cref="DocumentQrFormat"/>: a <see cref="DocumentPayload"/> as canonical CBOR and back.</summary>
internal static class DocumentClaims
{
    public static byte[] Encode(DocumentPayload payload)
    {
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartMap(payload.ExpiresAt is null ? 3 : 4);
        writer.WriteInt32(SubjectClaim);
        writer.WriteTextString(payload.Number.Value);
        if (payload.ExpiresAt is { } expires)
        {
            writer.WriteInt32(ExpiresClaim);
            writer.WriteInt64(expires.ToUnixTimeSeconds());
        }

        writer.WriteInt32(IssuedAtClaim);
        writer.WriteInt64(payload.IssuedAt.ToUnixTimeSeconds());
        writer.WriteInt32(DocumentClaim);
        writer.WriteStartMap(3);
        writer.WriteInt32(TypeKey);
        writer.WriteTextString(payload.Type);
        writer.WriteInt32(RenovationCodeKey);
        writer.WriteTextString(payload.RenovationCode.Value);
        writer.WriteInt32(DistrictKey);
        writer.WriteInt32(payload.District);
        writer.WriteEndMap();
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>Reads the claims; every claim must be there (exp optional), valid, and nothing else.</summary>
    public static bool TryDecode(byte[] data, [NotNullWhen(true)] out DocumentPayload? payload, [NotNullWhen(false)] out string? error)
    {
        payload = null;
        try
        {
            var reader = new CborReader(data, CborConformanceMode.Canonical);
            var count = reader.ReadStartMap();
            if (count is not (3 or 4))
            {
                error = "unexpected claims";
                return false;
            }

            string? number = null, type = null, renovation = null;
            long? issuedAt = null, expiresAt = null;
            int? district = null;
            for (var i = 0; i < count; i++)
            {
                switch (reader.ReadInt32())
                {
                    case SubjectClaim:
                        number = reader.ReadTextString();
                        break;
                    case ExpiresClaim:
                        expiresAt = reader.ReadInt64();
                        break;
                    case IssuedAtClaim:
                        issuedAt = reader.ReadInt64();
                        break;
                    case DocumentClaim:
                        if (reader.ReadStartMap() != 3 || reader.ReadInt32() != TypeKey)
                        {
                            error = "unexpected document claim";
                            return false;
                        }

                        type = reader.ReadTextString();
                        if (reader.ReadInt32() != RenovationCodeKey)
                        {
                            error = "unexpected document claim";
                            return false;
                        }

                        renovation = reader.ReadTextString();
                        if (reader.ReadInt32() != DistrictKey)
                        {
                            error = "unexpected document claim";
                            return false;
                        }

                        district = reader.ReadInt32();
                        reader.ReadEndMap();
                        break;
                    default:
                        error = "unexpected claim";
                        return false;
                }
            }

            reader.ReadEndMap();
            if (reader.BytesRemaining != 0)
            {
                error = "bytes after the claims";
                return false;
            }

            return TryCreate(number, type, renovation, district, issuedAt, expiresAt, out payload, out error);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            error = "claims are not well-formed canonical CBOR";
            return false;
        }
    }

    private static bool TryCreate(
        string? number, string? type, string? renovation, int? district, long? issuedAt, long? expiresAt,
        [NotNullWhen(true)] out DocumentPayload? payload, [NotNullWhen(false)] out string? error)
    {
        payload = null;
        if (!DocumentNumber.TryParse(number, out var documentNumber) || documentNumber.Value != number)
        {
            error = "bad document number";
        }
        else if (!IssuedDocumentTypes.IsKnown(type))
        {
            error = "unknown document type";
        }
        else if (!RenovationCode.TryParse(renovation, out var code) || code.Value != renovation)
        {
            error = "bad renovation code";
        }
        else if (district != code.District)
        {
            error = "district does not match the renovation code";
        }
        else if (issuedAt is not { } iat || !TryReadInstant(iat, out var issued))
        {
            error = "bad issue time";
        }
        else if (expiresAt is { } exp && (!TryReadInstant(exp, out _) || exp <= iat))
        {
            error = "bad expiry time";
        }
        else
        {
            payload = new DocumentPayload(documentNumber, type!, code, code.District, issued,
                expiresAt is { } e ? DateTimeOffset.FromUnixTimeSeconds(e) : null);
            error = null;
            return true;
        }

        return false;
    }

    private static bool TryReadInstant(long seconds, out DateTimeOffset instant)
    {
        // Years 2000–2999: anything else did not come from our signer.
        instant = default;
        if (seconds is < 946_684_800 or > 32_503_680_000)
        {
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}
