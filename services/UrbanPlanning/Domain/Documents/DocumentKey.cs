using System.Buffers.Text;
using System.Security.Cryptography;

namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>
/// One ES256 key (ECDSA over P-256, SHA-256) by its key id. A key with its private half can sign; one
/// with only the public half (a retired key kept for old documents, or one read from a JWKS) only verifies.
/// </summary>
public sealed class DocumentKey : IDisposable
{
    /// <summary>Key ids travel in every QR, so they are short and plain: 1–32 of <c>A–Z a–z 0–9 - _ .</c>.</summary>
    public const int MaxKeyIdLength = 32;

    private const string P256Oid = "1.2.840.10045.3.1.7";

    private DocumentKey(string keyId, ECDsa key, bool canSign)
    {
        KeyId = keyId;
        Key = key;
        CanSign = canSign;
    }

    public string KeyId { get; }

    public bool CanSign { get; }

    internal ECDsa Key { get; }

    /// <summary>A fresh P-256 key pair.</summary>
    public static DocumentKey Generate(string keyId) =>
        Create(keyId, ECDsa.Create(ECCurve.NamedCurves.nistP256), canSign: true);

    /// <summary>A key from stored PKCS#8 (<c>PrivateKeyInfo</c>) bytes.</summary>
    public static DocumentKey FromPkcs8(string keyId, ReadOnlySpan<byte> pkcs8)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8, out var read);
            if (read != pkcs8.Length)
            {
                throw new CryptographicException("Trailing bytes after the PKCS#8 key.");
            }
        }
        catch
        {
            key.Dispose();
            throw;
        }

        return Create(keyId, key, canSign: true);
    }

    /// <summary>
    /// A key from PEM: <c>PRIVATE KEY</c> (PKCS#8) or <c>EC PRIVATE KEY</c> (SEC 1) signs and verifies;
    /// <c>PUBLIC KEY</c> (SubjectPublicKeyInfo) only verifies.
    /// </summary>
    public static DocumentKey FromPem(string keyId, string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var key = ECDsa.Create();
        bool canSign;
        try
        {
            key.ImportFromPem(pem);
            canSign = !pem.Contains("PUBLIC KEY-----", StringComparison.Ordinal);
        }
        catch
        {
            key.Dispose();
            throw;
        }

        return Create(keyId, key, canSign);
    }

    /// <summary>A verify-only key from the public point, as a JWK carries it (x and y, 32 bytes each).</summary>
    public static DocumentKey FromPublicPoint(string keyId, byte[] x, byte[] y)
    {
        if (x.Length != 32 || y.Length != 32)
        {
            throw new CryptographicException("A P-256 coordinate is 32 bytes.");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
        }
        catch
        {
            key.Dispose();
            throw;
        }

        return Create(keyId, key, canSign: false);
    }

    /// <summary>The private key as PKCS#8, for the key store.</summary>
    public byte[] ExportPkcs8()
    {
        EnsureCanSign();
        return Key.ExportPkcs8PrivateKey();
    }

    /// <summary>The private key as PEM (<c>PRIVATE KEY</c>), for the key store.</summary>
    public string ExportPkcs8Pem()
    {
        EnsureCanSign();
        return Key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>The public half as a JSON Web Key (RFC 7517/7518).</summary>
    public JsonWebKey ToJwk()
    {
        var point = Key.ExportParameters(includePrivateParameters: false).Q;
        return new JsonWebKey("EC", "P-256", Base64Url.EncodeToString(point.X), Base64Url.EncodeToString(point.Y), KeyId, "ES256", "sig");
    }

    public static bool IsValidKeyId(string? keyId) =>
        !string.IsNullOrEmpty(keyId) && keyId.Length <= MaxKeyIdLength
        && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public void Dispose() => Key.Dispose();

    internal byte[] Sign(byte[] data)
    {
        EnsureCanSign();
        return Key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    internal bool Verify(byte[] data, byte[] signature) =>
        Key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    private static DocumentKey Create(string keyId, ECDsa key, bool canSign)
    {
        if (!IsValidKeyId(keyId))
        {
            key.Dispose();
            throw new ArgumentException($"Key id must be 1–{MaxKeyIdLength} of A–Z a–z 0–9 - _ . ; got '{keyId}'.", nameof(keyId));
        }

        if (key.ExportParameters(includePrivateParameters: false).Curve.Oid?.Value != P256Oid)
        {
            key.Dispose();
            throw new CryptographicException($"Document key '{keyId}' is not on P-256: ES256 needs P-256.");
        }

        return new DocumentKey(keyId, key, canSign);
    }

    private void EnsureCanSign()
    {
        if (!CanSign)
        {
            throw new InvalidOperationException($"Document key '{KeyId}' has no private key: it can only verify.");
        }
    }
}
