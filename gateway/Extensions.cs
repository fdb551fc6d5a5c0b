using CityEServices.Gateway.Correlation;
using CityEServices.Gateway.Proxy;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Forwarder;

namespace CityEServices.Gateway;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<GatewaySettings>(builder.Configuration.GetSection(GatewaySettings.SectionName));

        // Kestrel reads only its endpoints from configuration by itself; the limits are bound here so
        // that Kestrel:Limits:MaxRequestBodySize is the default for every route (routes may raise it).
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
            builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));

        // Routes and clusters live in configuration (ReverseProxy section), so an operator can change
        // timeouts and body limits without a build; destinations like http://property are resolved
        // by Aspire service discovery from services__property__http__0.
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        builder.Services.AddSingleton<IForwarderHttpClientFactory, GatewayHttpClientFactory>();
    }

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.UseMiddleware<CorrelationIdMiddleware>();
}
