using System.Globalization;
using CityEServices.Gateway.Proxy;
using Microsoft.Extensions.Options;

namespace CityEServices.Gateway.RateLimiting;

/// <summary>
/// Runs in the proxy pipeline (after authentication and authorization), so only requests that are
/// about to be forwarded count. Authenticated callers are limited per user or client; anonymous
/// ones per IP address (per /64 for IPv6), with the stricter tracking limit on <c>/api/track</c> and on
/// <c>/api/open-data</c> (each its own counter: reading the city's figures does not use up a citizen's tracking).
/// </summary>
public static class RateLimitMiddleware
{
    public const string TrackPathPrefix = "/api/track";

    public const string OpenDataPathPrefix = "/api/open-data";

    /// <summary>Each request here texts a phone: anonymous, and held to the tracking page's per-IP limit, not the general one.</summary>
    public const string SignInCodesPath = "/api/identity/citizens/sign-in-codes";

    public static IReverseProxyApplicationBuilder UseSharedRateLimits(this IReverseProxyApplicationBuilder proxy)
    {
        var limiter = proxy.ApplicationServices.GetRequiredService<SharedRateLimiter>();
        var options = proxy.ApplicationServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>();
        proxy.Use(async (HttpContext context, RequestDelegate next) =>
        {
            var settings = options.CurrentValue;
            if (!settings.Enabled)
            {
                await next(context);
                return;
            }

            var (name, policy, partition) = Classify(context, settings);
            var decision = await limiter.AcquireAsync(name, policy, partition);
            if (decision.Allowed)
            {
                await next(context);
                return;
            }

            var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await GatewayProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "RateLimited", "Too many requests.",
                $"The rate limit of {policy.PermitLimit} requests per {policy.Window} is reached; retry after {seconds} s.");
        });
        return proxy;
    }

    public static (string Name, RateLimitPolicy Policy, string Partition) Classify(HttpContext context, RateLimitSettings settings)
    {
        if (context.User.Identity?.IsAuthenticated == true && Callers.Identify(context.User) is { } caller)
        {
            return ("api", settings.Api, caller);
        }

        var ip = Callers.Network(context.Connection.RemoteIpAddress);
        if (context.Request.Path.StartsWithSegments(TrackPathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ("track", settings.Track, ip);
        }

        if (context.Request.Path.StartsWithSegments(SignInCodesPath, StringComparison.OrdinalIgnoreCase))
        {
            return ("sign-in-codes", settings.Track, ip);
        }

        // Anonymous like tracking and costlier to answer when not cached: the same per-IP limit.
        return context.Request.Path.StartsWithSegments(OpenDataPathPrefix, StringComparison.OrdinalIgnoreCase)
            ? ("open-data", settings.Track, ip)
            : ("anonymous", settings.Anonymous, ip);
    }
}
