using System.Net;

namespace CityEServices.Notifications.Domain.Webhooks;

/// <summary>The form of a subscriber URL; where its host points is checked on top of this (SSRF).</summary>
public static class SubscriberUrlRules
{
    /// <summary>
    /// The URL when it is absolute https (or http to loopback when <paramref name="allowLoopback"/>),
    /// without credentials or fragment, and not an IP literal webhooks may not reach; else null and why.
    /// </summary>
    public static Uri? Check(string? text, bool allowLoopback, out string? error)
    {
        error = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            error = "url is required.";
            return null;
        }

        if (value.Length > WebhookSubscription.MaxUrlLength)
        {
            error = $"url must be at most {WebhookSubscription.MaxUrlLength} characters.";
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.HostNameType == UriHostNameType.Unknown || string.IsNullOrEmpty(uri.Host))
        {
            error = "url must be an absolute URL such as https://hooks.example.org/city.";
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            error = "url must not carry credentials (user:password@); authenticate deliveries by their signature.";
            return null;
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            error = "url must not have a fragment (#…).";
            return null;
        }

        var loopbackHttp = allowLoopback && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !loopbackHttp)
        {
            error = allowLoopback
                ? "url must be https (http only to 127.0.0.1 or localhost, in Development)."
                : "url must be https.";
            return null;
        }

        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) && SubscriberAddresses.Refusal(literal, allowLoopback) is { } why)
        {
            error = $"url points at {literal}, a {why} address; webhooks go to public addresses only.";
            return null;
        }

        return uri;
    }
}
