using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace CityEServices.Gateway.Proxy;

/// <summary>
/// YARP answers a failed forward with an empty 502. Callers get problem details instead: 503 when the
/// service is down or too slow (worth retrying), 502 when it answered with something unusable, and
/// the client's own mistake (a body too large or cut short) as a 4xx.
/// </summary>
public static class ForwarderProblems
{
    public static IReverseProxyApplicationBuilder UseForwarderProblems(this IReverseProxyApplicationBuilder proxy)
    {
        // The RequestDelegate overload: the Func<Task> one allocates a closure per request.
        proxy.Use(static async (HttpContext context, RequestDelegate next) =>
        {
            // A declared length over the route's limit is refused before a connection to the service
            // is made; otherwise the service would see the request start and then break off.
            if (context.Request.ContentLength is { } length && length > BodyLimit(context))
            {
                // The body stays unread: close the connection, or a client that reuses it races Kestrel closing it.
                context.Response.Headers.Connection = "close";
                await WriteAsync(context, new(StatusCodes.Status413PayloadTooLarge, "TooLarge", TooLarge));
                return;
            }

            await next(context);

            var error = context.GetForwarderErrorFeature();
            if (error is null || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            if (Describe(error.Error, error.Exception) is not { } problem)
            {
                return;
            }

            await WriteAsync(context, problem);
        });
        return proxy;
    }

    /// <summary>The route's own limit (YARP applies it only later, in the forwarder), else the server's.</summary>
    private static long BodyLimit(HttpContext context)
    {
        var limit = context.GetReverseProxyFeature().Route.Config.MaxRequestBodySize
            ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return limit is null or < 0 ? long.MaxValue : limit.Value;
    }

    private const string TooLarge = "The request body is too large.";

    private static Task WriteAsync(HttpContext context, Problem problem) => GatewayProblems.WriteAsync(context, problem.Status, problem.Reason, problem.Title);

    public readonly record struct Problem(int Status, string Reason, string Title);

    /// <summary>What to tell the caller about a forwarding error; null when the caller has gone away.</summary>
    public static Problem? Describe(ForwarderError error, Exception? exception) => error switch
    {
        ForwarderError.None => null,
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled
            or ForwarderError.ResponseBodyClient or ForwarderError.UpgradeRequestCanceled
            or ForwarderError.UpgradeResponseCanceled or ForwarderError.UpgradeRequestClient or ForwarderError.UpgradeResponseClient => null,
        ForwarderError.RequestBodyClient when Find<BadHttpRequestException>(exception) is { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            new(StatusCodes.Status413PayloadTooLarge, "TooLarge", TooLarge),
        ForwarderError.RequestBodyClient => new(StatusCodes.Status400BadRequest, "BodyUnreadable", "The request body could not be read."),
        ForwarderError.Request when Find<HttpRequestException>(exception) is { HttpRequestError: HttpRequestError.InvalidResponse } =>
            new(StatusCodes.Status502BadGateway, "InvalidResponse", "The service returned an invalid response."),
        ForwarderError.Request or ForwarderError.NoAvailableDestinations =>
            new(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "The service is unavailable; try again shortly."),
        ForwarderError.RequestTimedOut or ForwarderError.UpgradeActivityTimeout =>
            new(StatusCodes.Status503ServiceUnavailable, "ServiceTimeout", "The service did not answer in time; try again shortly."),
        _ => new(StatusCodes.Status502BadGateway, "InvalidResponse", "The service returned an invalid response."),
    };

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
