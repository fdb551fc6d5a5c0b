using CityEServices.Messaging;
using CityEServices.Messaging.Persistence;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Domain.Requests;
using CityEServices.UrbanPlanning.Events;
using CityEServices.UrbanPlanning.Tracking;
using CityEServices.Contracts.Grpc.Archive;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Contracts.Grpc.Property;
using CityEServices.Web.Grpc;

namespace CityEServices.UrbanPlanning;

public static class Extensions
{
    public const string DatabaseName = "urbanplanning-db";
    public const string ServiceName = "urbanplanning";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<UrbanPlanningDbContext>(DatabaseName);
        builder.AddMessaging<UrbanPlanningDbContext>(ServiceName, bus =>
        {
            bus.AddConsumer<DocumentArchivedConsumer>();
            bus.AddConsumer<TrackingRefreshConsumer>();
        });
        builder.AddRedisClient("redis");
        builder.AddServiceClient<OfficeAuthorization.OfficeAuthorizationClient>("officemanagement");
        builder.AddServiceClient<PropertyRegistry.PropertyRegistryClient>("property");
        builder.AddServiceClient<ArchiveCatalog.ArchiveCatalogClient>("archive");

        builder.Services.AddScoped<FileOpener>();
        builder.Services.AddScoped<RequestWriter>();
        builder.Services.AddSingleton(ServiceRuleBook.Default);
        builder.Services.AddSingleton<TrackingCache>();
        return builder;
    }
}
