using CityEServices.ServiceDefaults.Auth;
using Grpc.Core;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CityEServices.Web.Grpc;

public static class ServiceClientExtensions
{
    /// <summary>
    /// A gRPC client of another service, the one way every service makes them: addressed by service
    /// discovery (<c>http://_grpc.&lt;service&gt;</c>, the callee's HTTP/2 endpoint named grpc) unless
    /// <c>Grpc:&lt;service&gt;</c> says otherwise; every call gets the configured deadline; transient
    /// network failures are retried by the standard resilience handler ServiceDefaults puts on every
    /// HTTP client, within that deadline; and the caller's own bearer token goes along, so the callee
    /// validates the real user instead of trusting this service.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string service) where TClient : class
    {
        // Once per host, however many clients it makes: each registration would check again and repeat its message.
        if (builder.Services.All(d => d.ServiceType != typeof(IValidateOptions<GrpcClientSettings>)))
        {
            builder.Services.AddCheckedOptions<GrpcClientSettings>(GrpcClientSettings.Section,
                s => s.Deadline > TimeSpan.Zero, "Grpc:Deadline must be positive (default 00:00:05): it bounds every call to another service.");
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<DefaultDeadlineInterceptor>();
        builder.Services.TryAddSingleton<ServiceCalls>();

        var configured = builder.Configuration[$"{GrpcClientSettings.Section}:{service}"];
        var address = new Uri(string.IsNullOrWhiteSpace(configured) ? $"http://_grpc.{service}" : configured);
        var client = builder.Services.AddGrpcClient<TClient>(options => options.Address = address)
            .AddInterceptor<DefaultDeadlineInterceptor>(InterceptorScope.Client)
            .AddForwardedBearerToken();
        return address.Scheme == "dns" ? client.WithRoundRobin() : client;
    }

    /// <summary>
    /// For a <c>dns:///name:port</c> address (Kubernetes: the callee's headless Service, one A record per
    /// pod): gRPC resolves every address itself, keeps a connection to each, and spreads calls round
    /// robin over them, re-resolving as pods come and go. Through a ClusterIP Service one long-lived
    /// HTTP/2 connection would pin every call to one pod. (Locally, Aspire's service discovery already
    /// picks a replica per call.)
    /// </summary>
    private static IHttpClientBuilder WithRoundRobin(this IHttpClientBuilder client)
    {
        // Re-resolve the name every 15 s, so pods that come up get calls without waiting for a failure.
        client.Services.TryAddSingleton<ResolverFactory>(new DnsResolverFactory(refreshInterval: TimeSpan.FromSeconds(15)));
        return client.ConfigureChannel(channel =>
        {
            channel.Credentials = ChannelCredentials.Insecure;
            channel.ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } };
        })
        .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        });
    }
}
