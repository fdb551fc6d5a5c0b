using CityEServices.Contracts.Grpc.Archive;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Contracts.Grpc.Property;
using CityEServices.ServiceDefaults.Auth;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CityEServices.UrbanPlanning.Grpc;

public static class GrpcClientExtensions
{
    /// <summary>
    /// Clients of the services this one asks questions. Each forwards the caller's own bearer token:
    /// the callee validates the real user instead of trusting this service.
    /// </summary>
    public static IHostApplicationBuilder AddServiceClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GrpcClientSettings>().BindConfiguration(GrpcClientSettings.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<DefaultDeadlineInterceptor>();

        AddClient<OfficeAuthorization.OfficeAuthorizationClient>(builder.Services, s => s.OfficeManagement);
        AddClient<PropertyRegistry.PropertyRegistryClient>(builder.Services, s => s.Property);
        AddClient<ArchiveCatalog.ArchiveCatalogClient>(builder.Services, s => s.Archive);
        return builder;
    }

    private static void AddClient<TClient>(IServiceCollection services, Func<GrpcClientSettings, Uri> address) where TClient : class
    {
        services.AddGrpcClient<TClient>((provider, options) =>
                options.Address = address(provider.GetRequiredService<IOptions<GrpcClientSettings>>().Value))
            .AddInterceptor<DefaultDeadlineInterceptor>(InterceptorScope.Client)
            .AddForwardedBearerToken();
    }
}
