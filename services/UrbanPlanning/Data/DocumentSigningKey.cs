namespace CityEServices.UrbanPlanning.Data;

/// <summary>
/// A document signing key the service generated for itself because configuration named none: local and
/// development stacks only (production configures its keys from a secret and sets
/// <c>Documents:GenerateKeyIfMissing</c> to false). The private key is PKCS#8.
/// </summary>
public sealed class DocumentSigningKey
{
    public string KeyId { get; set; } = null!;

    public byte[] PrivateKeyPkcs8 { get; set; } = null!;

    public DateTimeOffset CreatedAt { get; set; }
}
