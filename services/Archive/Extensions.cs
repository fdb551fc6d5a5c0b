using CityEServices.Archive.Data;
using CityEServices.Archive.Events;
using CityEServices.Archive.Fixity;
using CityEServices.Archive.Ingest;
using CityEServices.Archive.Storage;
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
        builder.AddMessaging<ArchiveDbContext>(ServiceName, bus =>
        {
            bus.AddConsumer<UrbanPlanningFileOpenedConsumer>();
            bus.AddConsumer<BuildingPermitIssuedConsumer>();
            bus.AddConsumer<ExcavationPermitIssuedConsumer>();
            bus.AddConsumer<WasteContractSignedConsumer>();
            bus.AddConsumer<CompletionCertificateIssuedConsumer>();
        });
        builder.AddRedisClient("redis");
        // Unknown gRPC calls fall through to a 404 (Unimplemented to gRPC clients) rather than gRPC's
        // catch-all {service}/{method} route, which would claim two-segment REST paths.
        builder.Services.AddGrpc(options => options.IgnoreUnknownServices = true);

        builder.Services.AddOptions<ArchiveStorageOptions>().BindConfiguration("Archive")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ContentRoot) && o.MaxDocumentBytes > 0, "Archive:ContentRoot is required and Archive:MaxDocumentBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<FixityOptions>().BindConfiguration("Archive:Fixity");
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.AddScoped<DocumentIngest>();
        builder.Services.AddScoped<FixityRunner>();
        builder.Services.AddHostedService<FixityScheduler>();

        return builder;
    }
}
