using System.Security.Cryptography;
using System.Text;

namespace CityEServices.Notifications.Domain.Webhooks;

public static class WebhookIds
{
    /// <summary>
    /// The <c>webhook-id</c> of an event sent to a subscription: derived from the two, so every attempt
    /// and every replay of that event to that subscription carries the same id (Standard Webhooks'
    /// idempotency key), while two subscriptions never share one.
    /// </summary>
    public static string For(Guid subscriptionId, Guid eventId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes($"{subscriptionId:N}:{eventId:N}"), hash);
        return "msg_" + Convert.ToHexStringLower(hash[..16]);
    }
}
