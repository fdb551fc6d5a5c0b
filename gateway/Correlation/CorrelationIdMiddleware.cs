using System.Diagnostics;

namespace CityEServices.Gateway.Correlation;

/// <summary>
/// Keeps a valid incoming <c>X-Correlation-ID</c> or replaces it, so the header the services receive
/// (YARP forwards request headers as they are) and the one the caller gets back are always the same.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var incoming = headers[CorrelationId.HeaderName];
        string id;
        if (incoming.Count == 1 && CorrelationId.IsValid(incoming[0]))
        {
            id = incoming[0]!;
        }
        else
        {
            id = CorrelationId.Create();
            headers[CorrelationId.HeaderName] = id;
        }

        Activity.Current?.SetTag(CorrelationId.TagName, id).AddBaggage(CorrelationId.TagName, id);

        // Set when the response starts rather than now: YARP appends the upstream's response headers,
        // and a service that echoes the id would otherwise make it appear twice.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers[CorrelationId.HeaderName] = http.Request.Headers[CorrelationId.HeaderName];
            return Task.CompletedTask;
        }, context);

        return next(context);
    }
}
