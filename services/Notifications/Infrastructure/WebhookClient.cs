using System.Net;
using System.Net.Http.Headers;

namespace CityEServices.Notifications.Infrastructure;

/// <summary>What one POST to a subscriber came to: its status code (if it answered) and, unless 2xx, why it failed.</summary>
public sealed record AttemptResult(int? StatusCode, string? Error)
{
    public bool Delivered => Error is null;
}

/// <summary>
/// The one HTTP client deliveries go out on. Built by hand rather than through IHttpClientFactory: the
/// city's defaults there (service discovery, retries) are for calls between services, not to the outside.
/// Connections go through <see cref="SubscriberNetwork.ConnectAsync"/>; no proxy (it would connect in our
/// place), no redirects (a 3xx is a failed attempt, never a detour to another host), no trace headers.
/// </summary>
public sealed class WebhookClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public WebhookClient(SubscriberNetwork network, IOptions<NotificationsOptions> options)
    {
        var deliveries = options.Value.Deliveries;
        _timeout = deliveries.Timeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = network.ConnectAsync,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = deliveries.Timeout,
            // Re-resolve (and so re-check) a subscriber's address every few minutes, not once per process.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = Math.Max(deliveries.MaxInFlightPerSubscription, 1) * 2,
            MaxResponseHeadersLength = 64,
            // Our trace ids are none of a subscriber's business.
            ActivityHeadersPropagator = null,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("CityEServices-Webhooks", "1.0"));
    }

    public async Task<AttemptResult> PostAsync(string url, byte[] body, string webhookId, long timestamp, string signature, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Version = HttpVersion.Version11,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(CloudEvent.MediaType) { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, webhookId);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, signature);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return code is >= 200 and < 300 ? new AttemptResult(code, null) : new AttemptResult(code, $"the subscriber answered {code}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(null, $"no answer within {_timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(null, Describe(e));
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Describe(Exception e)
    {
        // The innermost message says what happened (refused address, connection refused, TLS failure).
        var inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner == e ? e.Message : $"{e.Message} ({inner.Message})";
    }
}
