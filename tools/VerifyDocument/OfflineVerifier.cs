using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;

namespace CityEServices.VerifyDocument;

/// <summary>What a genuine payload says.</summary>
public sealed record DocumentFields(
    string Number,
    string Type,
    string RenovationCode,
    int District,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    string KeyId);

/// <summary>Fields when the signature holds; otherwise why not.</summary>
public sealed record OfflineResult(DocumentFields? Fields, string? Problem)
{
    public bool IsValid => Fields is not null;
}

/// <summary>
/// Verifies <c>CED1:</c> + Base45(COSE_Sign1) with ES256 (RFC 9052 §4.4: the signature covers
/// <c>["Signature1", protected, h'', payload]</c>), then reads the CWT claims: 2 = number, 4 = expiry,
/// 6 = issue time, -65537 = { 1: type, 2: renovation code, 3: district }.
/// </summary>
public static class OfflineVerifier
{
    private const string Prefix = "CED1:";

    public static OfflineResult Verify(string text, KeySet keys)
    {
        text = text.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > 1000)
        {
            return Fail($"not a city document payload (expected {Prefix}…)");
        }

        if (Base45Text.Decode(text[Prefix.Length..]) is not { } cose)
        {
            return Fail("not Base45");
        }

        try
        {
            var reader = new CborReader(cose, CborConformanceMode.Canonical);
            if (reader.ReadTag() != (CborTag)18 || reader.ReadStartArray() != 4)
            {
                return Fail("not a COSE_Sign1 message");
            }

            var protectedHeader = reader.ReadByteString();
            if (reader.ReadStartMap() != 0)
            {
                return Fail("unexpected unprotected header");
            }

            reader.ReadEndMap();
            var payload = reader.ReadByteString();
            var signature = reader.ReadByteString();
            reader.ReadEndArray();
            if (reader.BytesRemaining != 0 || signature.Length != 64)
            {
                return Fail("not a COSE_Sign1 message");
            }

            var (algorithm, keyId) = ReadHeader(protectedHeader);
            if (algorithm != -7 || keyId is null)
            {
                return Fail("not signed with ES256 and a key id");
            }

            if (keys.Find(keyId) is not { } key)
            {
                return Fail($"unknown key id '{keyId}'");
            }

            if (!key.VerifyData(SignatureInput(protectedHeader, payload), signature, HashAlgorithmName.SHA256))
            {
                return Fail("the signature does not match");
            }

            return new OfflineResult(ReadClaims(payload, keyId), null);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or OverflowException or DecoderFallbackException)
        {
            return Fail("malformed: " + e.Message);
        }
    }

    private static OfflineResult Fail(string problem) => new(null, problem);

    private static (int? Algorithm, string? KeyId) ReadHeader(byte[] header)
    {
        var reader = new CborReader(header, CborConformanceMode.Canonical);
        int? algorithm = null;
        string? keyId = null;
        var count = reader.ReadStartMap() ?? 0;
        for (var i = 0; i < count; i++)
        {
            switch (reader.ReadInt32())
            {
                case 1:
                    algorithm = reader.ReadInt32();
                    break;
                case 4:
                    keyId = new UTF8Encoding(false, true).GetString(reader.ReadByteString());
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        return (algorithm, keyId);
    }

    private static byte[] SignatureInput(byte[] protectedHeader, byte[] payload)
    {
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartArray(4);
        writer.WriteTextString("Signature1");
        writer.WriteByteString(protectedHeader);
        writer.WriteByteString([]);
        writer.WriteByteString(payload);
        writer.WriteEndArray();
        return writer.Encode();
    }

    private static DocumentFields ReadClaims(byte[] payload, string keyId)
    {
        var reader = new CborReader(payload, CborConformanceMode.Canonical);
        string? number = null, type = null, renovation = null;
        long? issued = null, expires = null;
        int? district = null;
        var count = reader.ReadStartMap() ?? 0;
        for (var i = 0; i < count; i++)
        {
            switch (reader.ReadInt32())
            {
                case 2:
                    number = reader.ReadTextString();
                    break;
                case 4:
                    expires = reader.ReadInt64();
                    break;
                case 6:
                    issued = reader.ReadInt64();
                    break;
                case -65537:
                    var inner = reader.ReadStartMap() ?? 0;
                    for (var k = 0; k < inner; k++)
                    {
                        switch (reader.ReadInt32())
                        {
                            case 1:
                                type = reader.ReadTextString();
                                break;
                            case 2:
                                renovation = reader.ReadTextString();
                                break;
                            case 3:
                                district = reader.ReadInt32();
                                break;
                            default:
                                reader.SkipValue();
                                break;
                        }
                    }

                    reader.ReadEndMap();
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        if (number is null || type is null || renovation is null || district is null || issued is null)
        {
            throw new FormatException("a claim is missing");
        }

        return new DocumentFields(number, type, renovation, district.Value, DateTimeOffset.FromUnixTimeSeconds(issued.Value),
            expires is { } e ? DateTimeOffset.FromUnixTimeSeconds(e) : null, keyId);
    }
}
