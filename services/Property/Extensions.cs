using System.Text.Json;
using System.Text.Json.Serialization;
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
        builder.Services.AddGrpc();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        return builder;
    }
}
