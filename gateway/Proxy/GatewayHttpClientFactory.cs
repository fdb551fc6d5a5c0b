using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace CityEServices.Gateway.Proxy;

/// <summary>
/// A destination that does not accept the connection should turn into a 503 within seconds, not
/// after the whole activity timeout: YARP's cluster configuration has no connect timeout, so it is set here.
/// Connections are also recycled (<see cref="GatewaySettings.PooledConnectionLifetime"/>; YARP's default keeps
/// them for ever), so new pods get their share of the traffic.
/// </summary>
public sealed class GatewayHttpClientFactory(IOptions<GatewaySettings> settings, ILogger<ForwarderHttpClientFactory> logger)
    : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = settings.Value.ConnectTimeout;
        handler.PooledConnectionLifetime = settings.Value.PooledConnectionLifetime;
    }
}
