using System.Text.Json;
using System.Text.Json.Serialization;
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
        builder.Services.AddGrpc();

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });

        return builder;
    }
}
