using CityEServices.Messaging;
using CityEServices.Messaging.Persistence;
using CityEServices.Property.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityEServices.Property;

public static class Extensions
{
    public const string DatabaseName = "property-db";
    public const string ServiceName = "property";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PropertyDbContext>(DatabaseName);
        builder.AddMessaging<PropertyDbContext>(ServiceName);
        builder.AddRedisClient("redis");
        // Unknown gRPC calls fall through to a 404 (which gRPC clients read as Unimplemented) instead of
        // gRPC's catch-all {service}/{method} route, which otherwise claims two-segment REST paths such as
        // POST /api/properties and turns a wrong Content-Type (415) into a misleading 404.
        builder.Services.AddGrpc(options => options.IgnoreUnknownServices = true);
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
