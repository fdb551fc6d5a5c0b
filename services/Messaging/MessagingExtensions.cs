using CityEServices.Messaging.Inbox;
using CityEServices.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CityEServices.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "rabbitmq";

    /// <summary>Part of the name of every per-replica temporary queue (they stay classic: quorum queues cannot be temporary).</summary>
    public const string TemporaryQueueMarker = "-replica-";

    /// <summary>
    /// MassTransit over RabbitMQ (connection string "rabbitmq"), the outbox relay for
    /// <typeparamref name="TDbContext"/>, and retry-then-error-queue on every receive endpoint.
    /// Queues are prefixed with <paramref name="serviceName"/>, so each service has its own.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null) where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured: the RabbitMQ broker's amqp:// address is needed.");
        var broker = RabbitMqAddress.Parse(connectionString);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Messaging:Outbox")
            .Validate(o => o.BatchSize > 0 && o.PollInterval > TimeSpan.Zero && o.PollInterval <= TimeSpan.FromDays(1) && o.PublishTimeout > TimeSpan.Zero
                && o.MinRetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.MinRetryDelay,
                "Messaging:Outbox needs BatchSize > 0, 0 < PollInterval <= 1 day, PublishTimeout > 0, and 0 <= MinRetryDelay <= MaxRetryDelay.")
            .ValidateOnStart();
        builder.Services.AddOptions<ConsumerRetryOptions>().BindConfiguration("Messaging:Retry")
            .Validate(o => o.RetryLimit >= 0 && o.MinInterval >= TimeSpan.Zero && o.MaxInterval >= o.MinInterval && o.IntervalDelta >= TimeSpan.Zero,
                "Messaging:Retry needs RetryLimit >= 0 and 0 <= MinInterval <= MaxInterval.")
            .ValidateOnStart();

        // Production's RabbitMQ cluster runs every durable queue as a quorum queue (RabbitMQ 3.10 cannot
        // default a vhost to it, so the declaring side must ask); a single local broker keeps classic ones.
        var quorum = string.Equals(builder.Configuration["Messaging:QueueType"], "quorum", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(bus);

            bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                var retry = context.GetRequiredService<IOptions<ConsumerRetryOptions>>().Value;
                endpoint.UseMessageRetry(r => r.Exponential(retry.RetryLimit, retry.MinInterval, retry.MaxInterval, retry.IntervalDelta));
                if (quorum && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && !name.Contains(TemporaryQueueMarker, StringComparison.Ordinal))
                {
                    // Replicated across a 3-node cluster, so a node lost loses no message. A replica's
                    // temporary queue (deleted when it stops) cannot be a quorum queue and stays classic.
                    rabbit.SetQuorumQueue();
                }
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.UserName);
                    host.Password(broker.Password);
                    // The relay marks a row published only when the broker has confirmed it.
                    host.PublisherConfirmation = true;
                    if (broker.UseTls)
                    {
                        host.UseSsl(ssl => ssl.ServerName = broker.Host);
                    }
                });
                if (quorum)
                {
                    // The _error and _skipped queues, where failed messages wait to be looked at, too.
                    rabbit.SendTopology.ConfigureErrorSettings = error => error.SetQuorumQueue();
                    rabbit.SendTopology.ConfigureDeadLetterSettings = skipped => skipped.SetQuorumQueue();
                }

                rabbit.ConfigureEndpoints(context);
            });
        });

        // After MassTransit's hosted service: the bus starts before the relay and stops after it.
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        return builder;
    }
}
