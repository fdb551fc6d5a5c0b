using System.Security.Cryptography;
using System.Text;

namespace CityEServices.TestSupport.Webhooks;

/// <summary>
/// A subscriber's check of a Standard Webhooks signature, written from the spec rather than taken from the
/// notifications service, so a fault in the service's signing cannot hide in a shared implementation.
/// </summary>
public static class StandardWebhooks
{
    /// <summary>True when one <c>v1,</c> entry of the space-separated header is base64(HMAC-SHA256(key, "id.timestamp.body")).</summary>
    public static bool Verify(string secret, string webhookId, long timestamp, byte[] body, string signatureHeader)
    {
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            return false;
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.").Concat(body).ToArray();
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(entry => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry), expected));
    }
}
