using CityEServices.OfficeManagement.Data.SampleData;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace CityEServices.OfficeManagement;

public static class Extensions
{
    public const string DatabaseName = "officemanagement-db";
    public const string ServiceName = "officemanagement";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore<OfficeManagementDbContext>(DatabaseName, ServiceName, bus =>
        {
            bus.AddConsumer<ServiceRequestSubmittedConsumer>();
            bus.AddConsumer<ServiceRequestStatusChangedConsumer>();
        });
        builder.AddRedisClient("redis");
        builder.AddGrpcServers();
        builder.Services.AddCheckedOptions<CertificationPolicy>(CertificationPolicy.SectionName,
            p => !p.Problems().Any(),
            "OfficeManagement:ExamPassMark must be 0 to 100 and OfficeManagement:CertificationValidity positive.");
        builder.Services.AddCheckedOptions<AuthorizationCacheOptions>(AuthorizationCacheOptions.SectionName,
            o => o.TimeToLive > TimeSpan.Zero && !string.IsNullOrWhiteSpace(o.KeyPrefix),
            "OfficeManagement:AuthorizationCache needs a positive TimeToLive and a KeyPrefix.");
        builder.Services.AddSingleton<AuthorizationCache>();
        builder.AddOpenDataCache();
        builder.Services.AddScoped<AuthorizationChanges>();
        builder.Services.AddScoped<OfficeAuthorizer>();
        builder.Services.AddUseCases(typeof(Extensions).Assembly);

        // Development only, and never when SampleData:Enabled is false (the tests set it so).
        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue("SampleData:Enabled", true))
        {
            builder.Services.AddHostedService<SampleDataSeeder>();
        }

        // The hash-chained audit tables: heads published hourly to the archive, /audit/verify compares with its copy.
        builder.AddAuditChain<OfficeManagementDbContext>(ServiceName, OfficeManagementDbContext.StatusChangesTable);

        return builder;
    }

    /// <summary>
    /// HybridCache (this process's memory, then Redis over the connection Aspire already made) for the
    /// computed open data; its keys start with OfficeManagement:OpenData:KeyPrefix.
    /// </summary>
    private static void AddOpenDataCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<OpenDataOptions>(OpenDataOptions.SectionName,
            o => o.CacheDuration > TimeSpan.Zero && !string.IsNullOrWhiteSpace(o.KeyPrefix),
            "OfficeManagement:OpenData needs a positive CacheDuration and a KeyPrefix.");
        builder.Services.AddStackExchangeRedisCache(_ => { });
        // No InstanceName: the keys carry the prefix themselves.
        builder.Services.AddOptions<RedisCacheOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.ConnectionMultiplexerFactory = () => Task.FromResult(redis));
        builder.Services.AddHybridCache();
    }
}
