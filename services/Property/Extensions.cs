using CityEServices.Property.Data.SampleData;

namespace CityEServices.Property;

public static class Extensions
{
    public const string DatabaseName = "property-db";
    public const string ServiceName = "property";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore<PropertyDbContext>(DatabaseName, ServiceName, bus =>
        {
            bus.AddConsumer<BuildingPermitIssuedConsumer>();
            bus.AddConsumer<CompletionCertificateIssuedConsumer>();
            bus.AddOfficeAuthorizationInvalidation();
        });
        builder.Services.AddScoped<BuildingPermitIssuedInbox>();
        builder.Services.AddScoped<CompletionCertificateIssuedInbox>();
        builder.AddRedisClient("redis");
        builder.AddPropertyCache();
        // Operators' reads of owners answer to office management's by-law (AuthorizeService over gRPC).
        builder.AddOfficeAuthorizations();
        if (SampleDataSeeder.IsEnabled(builder))
        {
            builder.Services.AddHostedService<SampleDataSeeder>();
        }

        builder.AddGrpcServers();
        builder.Services.AddScoped<PropertyChanges>();
        builder.Services.AddScoped<PropertyByLaw>();
        builder.Services.AddScoped<PersonalDataReads>();
        builder.Services.AddUseCases(typeof(Extensions).Assembly);
        // The hash-chained audit tables: heads published hourly to the archive, /audit/verify compares with its copy.
        builder.AddAuditChain<PropertyDbContext>(ServiceName, PropertyDbContext.HistoryTable, PropertyDbContext.PersonalDataReadsTable);

        return builder;
    }
}
