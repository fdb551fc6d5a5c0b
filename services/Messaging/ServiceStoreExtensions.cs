using CityEServices.Messaging.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Messaging;

public static class ServiceStoreExtensions
{
    /// <summary>
    /// A service's own database and the bus whose outbox and inbox live in it: a state change and its
    /// event commit together only when both use the same <typeparamref name="TDbContext"/>, so they are registered together.
    /// </summary>
    public static IHostApplicationBuilder AddServiceStore<TDbContext>(
        this IHostApplicationBuilder builder,
        string databaseName,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null) where TDbContext : DbContext =>
        builder.AddServiceDatabase<TDbContext>(databaseName).AddMessaging<TDbContext>(serviceName, configureConsumers);
}
