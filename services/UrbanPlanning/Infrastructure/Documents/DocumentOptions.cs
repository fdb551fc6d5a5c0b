using System.Security.Cryptography;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>
/// <c>Documents</c> in configuration: the signing keys and what is printed on every document.
/// Production mounts the keys from a Kubernetes Secret (<c>Documents__Keys__0__KeyId</c>,
/// <c>Documents__Keys__0__Pem</c>, …), names the signing one in <c>Documents:ActiveKeyId</c> and sets
/// <c>GenerateKeyIfMissing</c> to false; a retired key stays listed with its public PEM only, so the
/// documents it signed keep verifying and the JWKS keeps publishing it.
/// </summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    public const string Rule = "Documents: each of Keys needs a KeyId (A-Z a-z 0-9 - _ .) and a P-256 PEM (a private key signs, a PUBLIC KEY only verifies), "
        + "key ids distinct, ActiveKeyId one of the signing keys (or omitted with exactly one), a signing key when GenerateKeyIfMissing is false, "
        + "and VerificationUrl an absolute http(s) address.";

    /// <summary>The key that signs new documents; may be omitted when exactly one configured key can sign.</summary>
    public string? ActiveKeyId { get; set; }

    public List<ConfiguredDocumentKey> Keys { get; set; } = [];

    /// <summary>
    /// With no signing key configured, generate one at first start and keep it in the database (local and
    /// development stacks); false makes the service refuse to issue instead.
    /// </summary>
    public bool GenerateKeyIfMissing { get; set; } = true;

    /// <summary>The public verification page printed under the QR.</summary>
    public string VerificationUrl { get; set; } = "https://eservices.tehran.ir/verify";

    /// <summary>The configured keys and the one that signs: the named one, else the only key that can sign, else none.</summary>
    public (List<DocumentKey> Keys, string? ActiveKeyId) ReadKeys()
    {
        var keys = new List<DocumentKey>();
        try
        {
            keys.AddRange(Keys.Select(k => DocumentKey.FromPem(k.KeyId, k.Pem)));
        }
        catch
        {
            keys.ForEach(k => k.Dispose());
            throw;
        }

        var signing = keys.Where(k => k.CanSign).ToList();
        return (keys, ActiveKeyId ?? (signing.Count == 1 ? signing[0].KeyId : null));
    }

    /// <summary>
    /// Checked when the service starts: the keys are read once then, with the rules of the ring the first
    /// document builds, so a broken PEM or an unknown active key stops the service instead of every issue.
    /// </summary>
    public bool IsSound()
    {
        if (!Uri.TryCreate(VerificationUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return false;
        }

        try
        {
            var (keys, active) = ReadKeys();
            using var ring = new DocumentKeyRing(keys, active);
            return active is not null || GenerateKeyIfMissing;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}

/// <summary>One key: a PEM private key (<c>PRIVATE KEY</c> or <c>EC PRIVATE KEY</c>) signs, a <c>PUBLIC KEY</c> only verifies.</summary>
public sealed class ConfiguredDocumentKey
{
    public string KeyId { get; set; } = string.Empty;

    public string Pem { get; set; } = string.Empty;
}
