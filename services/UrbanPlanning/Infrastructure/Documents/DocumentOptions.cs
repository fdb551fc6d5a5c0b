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
}

/// <summary>One key: a PEM private key (<c>PRIVATE KEY</c> or <c>EC PRIVATE KEY</c>) signs, a <c>PUBLIC KEY</c> only verifies.</summary>
public sealed class ConfiguredDocumentKey
{
    public string KeyId { get; set; } = string.Empty;

    public string Pem { get; set; } = string.Empty;
}
