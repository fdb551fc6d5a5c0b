using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CityEServices.Notifications.Domain.Webhooks;

/// <summary>
/// A Standard Webhooks signing secret: <c>whsec_</c> followed by the base64 of 24 to 64 random bytes;
/// those bytes (not the text) are the HMAC key.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";
    public const int MinBytes = 24;
    public const int MaxBytes = 64;

    /// <summary>The size of the secrets this service makes: 32 bytes, SHA-256's own block of security.</summary>
    public const int GeneratedBytes = 32;

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedBytes));

    public static bool TryGetKey([NotNullWhen(true)] string? secret, [NotNullWhen(true)] out byte[]? key)
    {
        key = null;
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var bytes = Convert.FromBase64String(secret[Prefix.Length..]);
            if (bytes.Length is < MinBytes or > MaxBytes)
            {
                return false;
            }

            key = bytes;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static byte[] KeyOf(string secret) =>
        TryGetKey(secret, out var key) ? key : throw new FormatException("Not a whsec_ secret of 24 to 64 bytes.");
}
