using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace CityEServices.Gateway.Proxy;

/// <summary>
/// A read (GET, HEAD, OPTIONS without a body) that one replica could not answer — the connection was
/// refused or broke before a response, or the replica answered 502 or 503 as it drained — is sent once to
/// each other destination of the cluster before the caller hears of it. A pod going away in a rolling
/// update then costs no failed request. Writes are never repeated here: their caller holds the
/// Idempotency-Key and retries itself (the key is freed when the first attempt failed), and a
/// timed-out read is not repeated either, as that would double the caller's wait.
/// </summary>
public static class IdempotentRetries
{
    /// <summary>Set on a request while another destination is left to try: an upstream 502/503 is then held back.</summary>
    private static readonly object RetryPossible = new();

    /// <summary>Set when a 502/503 answer was held back, so the attempt counts as failed.</summary>
    private static readonly object HeldBack = new();

    /// <summary>Before load balancing: each attempt is balanced over the destinations not tried yet.</summary>
    public static IReverseProxyApplicationBuilder UseIdempotentRetries(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(static async (HttpContext context, RequestDelegate next) =>
        {
            var feature = context.GetReverseProxyFeature();
            var untried = feature.AvailableDestinations;
            if (untried.Count < 2 || !IsRetryable(context.Request))
            {
                await next(context);
                return;
            }

            while (true)
            {
                var last = untried.Count < 2;
                if (!last)
                {
                    context.Items[RetryPossible] = true;
                }

                feature.AvailableDestinations = untried;
                await next(context);
                context.Items.Remove(RetryPossible);

                var failed = context.Items.Remove(HeldBack) || IsConnectionFailure(context);
                if (!failed || last || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
                {
                    return;
                }

                var tried = feature.ProxiedDestination;
                untried = [.. untried.Where(d => !ReferenceEquals(d, tried))];
                if (tried is null || untried.Count == 0)
                {
                    return;
                }

                // Forget the failed attempt: its status, any headers copied, and YARP's error report.
                context.Response.Clear();
                context.Features.Set<IForwarderErrorFeature>(null);
            }
        });
        return proxy;
    }

    /// <summary>Holds back an upstream 502/503 while another destination is left, instead of passing it on.</summary>
    public static void AddRetryableAnswers(TransformBuilderContext transforms) =>
        transforms.AddResponseTransform(static context =>
        {
            if (context.ProxyResponse is { StatusCode: System.Net.HttpStatusCode.BadGateway or System.Net.HttpStatusCode.ServiceUnavailable }
                && context.HttpContext.Items.ContainsKey(RetryPossible))
            {
                context.SuppressResponseBody = true;
                context.HttpContext.Items[HeldBack] = true;
            }

            return ValueTask.CompletedTask;
        });

    private static bool IsRetryable(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        && request.ContentLength is null or 0
        && !request.Headers.TransferEncoding.Any(v => v?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>No answer came back at all (refused, reset, closed): not a timeout, not a client's own mistake.</summary>
    private static bool IsConnectionFailure(HttpContext context) =>
        context.GetForwarderErrorFeature()?.Error is ForwarderError.Request;

}
