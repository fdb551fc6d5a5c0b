using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Messaging;
using CityEServices.Web.Grpc;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityEServices.Web.Authorization;

public static class OfficeAuthorizationExtensions
{
    /// <summary>The office-management client and <see cref="OfficeAuthorizations"/>, the one check every operator write goes through.</summary>
    public static IHostApplicationBuilder AddOfficeAuthorizations(this IHostApplicationBuilder builder)
    {
        builder.AddServiceClient<OfficeAuthorization.OfficeAuthorizationClient>("officemanagement");
        builder.Services.AddCheckedOptions<OfficeAuthorizationOptions>(OfficeAuthorizationOptions.SectionName,
            o => o.CacheTimeToLive >= TimeSpan.Zero && o.CacheTimeToLive <= TimeSpan.FromMinutes(1),
            "OfficeAuthorization:CacheTimeToLive must be between 0 and 1 minute: a change must hold everywhere within it.");
        builder.Services.AddMemoryCache();
        builder.Services.TryAddSingleton<AuthorizationGenerations>();
        builder.Services.AddScoped<OfficeAuthorizations>();
        return builder;
    }

    /// <summary>
    /// Hears office management's changes on a queue of this process's own (temporary, deleted when it
    /// stops): each replica holds its own cache, so each must be told.
    /// </summary>
    public static void AddOfficeAuthorizationInvalidation(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton<AuthorizationGenerations>();
        bus.AddConsumer<OfficeAuthorizationChangedConsumer>().Endpoint(endpoint =>
        {
            // The marker keeps this queue classic where every other is quorum (see MessagingExtensions).
            endpoint.InstanceId = MessagingExtensions.TemporaryQueueMarker.Trim('-') + "-" + Guid.NewGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
    }
}
