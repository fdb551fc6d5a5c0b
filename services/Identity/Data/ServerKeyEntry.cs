namespace CityEServices.Identity.Data;

/// <summary>One of the server's RSA private keys, kept so tokens outlive a restart and every replica signs alike.</summary>
public sealed class ServerKeyEntry
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    public required string Purpose { get; init; }

    public required string Pem { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
