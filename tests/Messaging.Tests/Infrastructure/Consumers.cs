using CityEServices.Contracts.Events;
using CityEServices.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityEServices.Messaging.Tests.Infrastructure;

/// <summary>
/// Applies each file opening once: one Effect row per event, if the inbox works. After the commit it
/// looks for its effect through a connection of its own, which sees only what is committed.
/// </summary>
public sealed class FileOpenedConsumer(TestDb db, Observations observations, IServiceScopeFactory scopes, ILogger<FileOpenedConsumer> logger)
    : InboxConsumer<TestDb, UrbanPlanningFileOpened>(db, logger)
{
    protected override async Task AfterCommitAsync(UrbanPlanningFileOpened message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var other = scope.ServiceProvider.GetRequiredService<TestDb>();
        observations.AfterCommit(message.EventId, await other.Effects.AsNoTracking().AnyAsync(e => e.EventId == message.EventId, cancellationToken));
    }

    protected override Task HandleAsync(UrbanPlanningFileOpened message, ConsumeContext<UrbanPlanningFileOpened> context, CancellationToken cancellationToken)
    {
        observations.Handling(message.EventId);
        Db.Effects.Add(new Effect { EventId = message.EventId, Consumer = nameof(FileOpenedConsumer), AppliedAt = DateTimeOffset.UtcNow });
        return Task.CompletedTask;
    }
}

/// <summary>Always fails after changing state: the change must roll back and the message end in the error queue.</summary>
public sealed class PoisonConsumer(TestDb db, Observations observations, ILogger<PoisonConsumer> logger)
    : InboxConsumer<TestDb, ServiceRequestSubmitted>(db, logger)
{
    protected override Task HandleAsync(ServiceRequestSubmitted message, ConsumeContext<ServiceRequestSubmitted> context, CancellationToken cancellationToken)
    {
        observations.Handling(message.EventId);
        Db.Effects.Add(new Effect { EventId = message.EventId, Consumer = nameof(PoisonConsumer), AppliedAt = DateTimeOffset.UtcNow });
        throw new InvalidOperationException($"poison: request {message.RequestId} cannot be applied");
    }
}

/// <summary>Counts finished deliveries per message id, so a test knows when a duplicate has been dealt with.</summary>
public sealed class DeliveryObserver(Observations observations) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            observations.Delivered(id);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
