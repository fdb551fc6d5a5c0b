using System.Net;
using CityEServices.Gateway.Correlation;
using CityEServices.Gateway.Idempotency;
using CityEServices.Gateway.Proxy;
using CityEServices.Gateway.RateLimiting;
using CityEServices.Gateway.Versioning;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace CityEServices.Gateway;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Checked when the gateway starts, as every service's settings are: a typo in a trusted network
        // or a zero window would otherwise fail or refuse every request, from the first one on.
        builder.Services.AddCheckedOptions<GatewaySettings>(GatewaySettings.SectionName, s => s.IsSound(), GatewaySettings.Rule);
        builder.Services.AddCheckedOptions<RateLimitSettings>(RateLimitSettings.SectionName, s => s.IsSound(), RateLimitSettings.Rule);
        builder.Services.AddCheckedOptions<IdempotencySettings>(IdempotencySettings.SectionName, s => s.IsSound(), IdempotencySettings.Rule);

        // Kestrel reads only its endpoints from configuration by itself; the limits are bound here so
        // that Kestrel:Limits:MaxRequestBodySize is the default for every route (routes may raise it).
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
            builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));

        // Rate limits and idempotency keys are shared by every gateway replica through Redis.
        builder.AddRedisClient("redis");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RedisKeys>();
        builder.Services.AddSingleton<SharedRateLimiter>();
        builder.Services.AddHttpClient(nameof(ApiReference.AggregatedOpenApi));
        builder.Services.AddSingleton<ApiReference.AggregatedOpenApi>();

        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<GatewaySettings>>((options, settings) => ConfigureForwardedHeaders(options, settings.Value));

        // Routes and clusters live in configuration (ReverseProxy section), so an operator can change
        // timeouts and body limits without a build; destinations like http://property are resolved
        // by Aspire service discovery from services__property__http__0.
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(IdempotentRetries.AddRetryableAnswers)
            .AddServiceDiscoveryDestinationResolver();

        builder.Services.AddSingleton<IForwarderHttpClientFactory, GatewayHttpClientFactory>();
        builder.Services.AddSingleton<Yarp.ReverseProxy.Health.IPassiveHealthCheckPolicy, ConsecutiveFailuresPolicy>();
    }

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.UseMiddleware<CorrelationIdMiddleware>();

    /// <summary>
    /// <c>/api/v1/…</c> and the <c>api-version</c> header, resolved before routing (which must therefore
    /// come after it, explicitly) so every later step sees the one path.
    /// </summary>
    public static IApplicationBuilder UseApiVersions(this IApplicationBuilder app) =>
        app.UseMiddleware<ApiVersionMiddleware>().UseRouting();

    /// <summary>
    /// The caller's address and scheme as a trusted load balancer or ingress saw them, so per-IP
    /// limits count citizens rather than the ingress. Only proxies listed in configuration (and
    /// loopback) are believed; YARP then sends X-Forwarded-* on to the services.
    /// </summary>
    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, GatewaySettings settings)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in settings.TrustedProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.TrustedNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
