using System.Diagnostics.CodeAnalysis;
using System.Formats.Cbor;
using System.Text;
using static CityEServices.UrbanPlanning.Domain.Documents.DocumentQrFormat;

namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>A COSE_Sign1 message (RFC 9052 §4.2) as <see cref="DocumentQrFormat"/> restricts it: ES256, kid in the protected header, nothing unprotected.</summary>
internal sealed record CoseSign1(byte[] ProtectedHeader, string KeyId, byte[] Payload, byte[] Signature)
{
    public static byte[] EncodeProtectedHeader(string keyId)
    {
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartMap(2);
        writer.WriteInt32(AlgorithmLabel);
        writer.WriteInt32(Es256);
        writer.WriteInt32(KeyIdLabel);
        writer.WriteByteString(Encoding.UTF8.GetBytes(keyId));
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>The bytes the signature covers.</summary>
    public static byte[] SignatureInput(byte[] protectedHeader, byte[] payload)
    {
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartArray(4);
        writer.WriteTextString(SignatureContext);
        writer.WriteByteString(protectedHeader);
        writer.WriteByteString([]);
        writer.WriteByteString(payload);
        writer.WriteEndArray();
        return writer.Encode();
    }

    public byte[] Encode()
    {
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteTag((CborTag)CoseSign1Tag);
        writer.WriteStartArray(4);
        writer.WriteByteString(ProtectedHeader);
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteByteString(Payload);
        writer.WriteByteString(Signature);
        writer.WriteEndArray();
        return writer.Encode();
    }

    /// <summary>
    /// Reads exactly the shape we write — tag 18, four elements, ES256, a kid, an empty unprotected
    /// map, a 64-byte signature, canonical encoding, nothing after — and refuses anything else, so an
    /// altered byte outside the signed parts cannot pass unnoticed either.
    /// </summary>
    public static bool TryDecode(byte[] data, [NotNullWhen(true)] out CoseSign1? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        try
        {
            var reader = new CborReader(data, CborConformanceMode.Canonical);
            if (reader.ReadTag() != (CborTag)CoseSign1Tag)
            {
                error = "not a COSE_Sign1 message (tag 18)";
                return false;
            }

            if (reader.ReadStartArray() != 4)
            {
                error = "a COSE_Sign1 message has four elements";
                return false;
            }

            var protectedHeader = reader.ReadByteString();
            if (reader.ReadStartMap() != 0)
            {
                error = "unexpected unprotected header parameters";
                return false;
            }

            reader.ReadEndMap();
            var payload = reader.ReadByteString();
            var signature = reader.ReadByteString();
            reader.ReadEndArray();
            if (reader.BytesRemaining != 0)
            {
                error = "bytes after the message";
                return false;
            }

            if (signature.Length != SignatureLength)
            {
                error = "an ES256 signature is 64 bytes";
                return false;
            }

            if (!TryReadProtectedHeader(protectedHeader, out var keyId, out error))
            {
                return false;
            }

            message = new CoseSign1(protectedHeader, keyId, payload, signature);
            return true;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or OverflowException or DecoderFallbackException)
        {
            error = "not well-formed canonical CBOR";
            return false;
        }
    }

    private static bool TryReadProtectedHeader(byte[] header, [NotNullWhen(true)] out string? keyId, [NotNullWhen(false)] out string? error)
    {
        keyId = null;
        var reader = new CborReader(header, CborConformanceMode.Canonical);
        if (reader.ReadStartMap() != 2 || reader.ReadInt32() != AlgorithmLabel || reader.ReadInt32() != Es256)
        {
            error = "the protected header must name ES256 and a key id, nothing else";
            return false;
        }

        if (reader.ReadInt32() != KeyIdLabel)
        {
            error = "the protected header must name ES256 and a key id, nothing else";
            return false;
        }

        var kid = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(reader.ReadByteString());
        reader.ReadEndMap();
        if (reader.BytesRemaining != 0 || !DocumentKey.IsValidKeyId(kid))
        {
            error = "malformed key id";
            return false;
        }

        keyId = kid;
        error = null;
        return true;
    }
}
