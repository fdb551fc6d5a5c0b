using CityEServices.Messaging;
using CityEServices.Messaging.Persistence;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Grpc;

namespace CityEServices.UrbanPlanning;

public static class Extensions
{
    public const string DatabaseName = "urbanplanning-db";
    public const string ServiceName = "urbanplanning";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<UrbanPlanningDbContext>(DatabaseName);
        // No consumers yet: DocumentArchived (document completeness) arrives with service requests.
        builder.AddMessaging<UrbanPlanningDbContext>(ServiceName);
        builder.AddRedisClient("redis");
        builder.AddServiceClients();

        builder.Services.AddScoped<FileOpener>();
        return builder;
    }
}
