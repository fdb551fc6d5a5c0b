using CityEServices.Archive.Data;
using CityEServices.Archive.Events;
using CityEServices.Messaging;
using CityEServices.Messaging.Persistence;

namespace CityEServices.Archive;

public static class Extensions
{
    public const string DatabaseName = "archive-db";
    public const string ServiceName = "archive";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ArchiveDbContext>(DatabaseName);
        builder.AddMessaging<ArchiveDbContext>(ServiceName, bus => bus.AddConsumer<UrbanPlanningFileOpenedConsumer>());
        builder.AddRedisClient("redis");
        // Unknown gRPC calls fall through to a 404 (Unimplemented to gRPC clients) rather than gRPC's
        // catch-all {service}/{method} route, which would claim two-segment REST paths.
        builder.Services.AddGrpc(options => options.IgnoreUnknownServices = true);

        return builder;
    }
}
