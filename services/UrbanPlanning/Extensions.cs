using CityEServices.Contracts.Grpc.Archive;
using CityEServices.Contracts.Grpc.Property;

namespace CityEServices.UrbanPlanning;

public static class Extensions
{
    public const string DatabaseName = "urbanplanning-db";
    public const string ServiceName = "urbanplanning";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore<UrbanPlanningDbContext>(DatabaseName, ServiceName, bus =>
        {
            bus.AddConsumer<DocumentArchivedConsumer>();
            bus.AddConsumer<TrackingRefreshConsumer>();
            bus.AddConsumer<OwnershipTransferredConsumer>();
            bus.AddOfficeAuthorizationInvalidation();
        });
        builder.AddRedisClient("redis");

        builder.AddOfficeAuthorizations();
        builder.AddServiceClient<PropertyRegistry.PropertyRegistryClient>(PropertyRegistryClient.Service);
        builder.AddServiceClient<ArchiveCatalog.ArchiveCatalogClient>(ArchiveCatalogClient.Service);
        builder.Services.AddScoped<PropertyRegistryClient>();
        builder.Services.AddScoped<ArchiveCatalogClient>();

        builder.Services.AddCheckedOptions<PaymentOptions>(PaymentOptions.Section,
            o => o.IsValid(out _),
            "Payments:MunicipalitySheba must be a valid Sheba and Payments:OrderValidity between zero and 365 days.");

        builder.Services.AddCheckedOptions<DocumentOptions>(DocumentOptions.Section, o => o.IsSound(), DocumentOptions.Rule);
        builder.Services.AddSingleton<DocumentKeys>();
        builder.Services.AddSingleton<IssuedDocumentRenderer>();
        builder.Services.AddScoped<DocumentIssuer>();
        builder.Services.AddCheckedOptions<SlaOptions>(SlaOptions.SectionName,
            o => o.SweepInterval >= TimeSpan.Zero && o.BatchSize is >= 1 and <= 10_000,
            "UrbanPlanning:Sla:SweepInterval cannot be negative and BatchSize must be from 1 to 10000.");
        builder.Services.AddPeriodicJob<SlaSweeper, UrbanPlanningDbContext>();

        builder.Services.AddSingleton(ServiceRuleBook.Default);
        builder.Services.AddSingleton<TrackingCache>();
        builder.Services.AddScoped<FileOpener>();
        builder.Services.AddScoped<RequestWriter>();
        builder.Services.AddScoped<FileByLaw>();
        builder.Services.AddScoped<CounterPayment>();
        builder.Services.AddScoped<ReadableRequests>();

        builder.Services.AddScoped<VerifyDocument>();
        builder.Services.AddUseCases(typeof(Extensions).Assembly);

        // The hash-chained audit tables: heads published hourly to the archive, /audit/verify compares with its copy.
        builder.AddAuditChain<UrbanPlanningDbContext>(ServiceName, UrbanPlanningDbContext.TransitionsTable);

        return builder;
    }
}
