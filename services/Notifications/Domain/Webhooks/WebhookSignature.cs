using System.Security.Cryptography;
using System.Text;

namespace CityEServices.Notifications.Domain.Webhooks;

/// <summary>Standard Webhooks signatures: <c>v1,</c> + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).</summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(string webhookId, long timestamp, ReadOnlySpan<byte> body, byte[] key)
    {
        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>The header value: one signature per secret, separated by a space (the spec's form for several).</summary>
    public static string Header(string webhookId, long timestamp, ReadOnlySpan<byte> body, IEnumerable<string> secrets)
    {
        var signatures = new List<string>();
        foreach (var secret in secrets)
        {
            signatures.Add(Sign(webhookId, timestamp, body, WebhookSecret.KeyOf(secret)));
        }

        return string.Join(' ', signatures);
    }

    /// <summary>What a subscriber does: true when any <c>v1,</c> signature of the header is the one the secret makes.</summary>
    public static bool Verify(string header, string webhookId, long timestamp, ReadOnlySpan<byte> body, string secret)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(webhookId, timestamp, body, WebhookSecret.KeyOf(secret)));
        foreach (var candidate in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected))
            {
                return true;
            }
        }

        return false;
    }
}
