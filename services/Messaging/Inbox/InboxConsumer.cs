using System.Diagnostics;
using CityEServices.Contracts.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Messaging.Inbox;

/// <summary>
/// Base for every consumer: the message id goes into the inbox in the same transaction as the effect,
/// so a redelivered message changes nothing. An exception rolls both back and is left to MassTransit,
/// which retries and then moves the message to the error queue — it is never acked away.
/// </summary>
public abstract partial class InboxConsumer<TDbContext, TMessage>(TDbContext db, ILogger logger) : IConsumer<TMessage>
    where TDbContext : DbContext
    where TMessage : IntegrationEvent
{
    protected TDbContext Db => db;

    /// <summary>Stable name under which this consumer records what it has applied.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.Message.EventId;
        using var activity = StartActivity(context);
        activity?.SetTag("messaging.message.id", messageId);
        activity?.SetTag("messaging.consumer", ConsumerName);

        var strategy = db.Database.CreateExecutionStrategy();
        var applied = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // A concurrent duplicate blocks on the key until the first commits, then inserts nothing.
            var recorded = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO inbox_messages (message_id, consumer, message_type, processed_at)
                VALUES ({messageId}, {ConsumerName}, {typeof(TMessage).Name}, now())
                ON CONFLICT DO NOTHING
                """, ct);
            if (recorded == 0)
            {
                await transaction.RollbackAsync(ct);
                return false;
            }

            await HandleAsync(context.Message, context, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, context.CancellationToken);

        activity?.SetTag("messaging.duplicate", !applied);
        if (!applied)
        {
            LogDuplicate(logger, ConsumerName, messageId);
            return;
        }

        await AfterCommitAsync(context.Message, context.CancellationToken);
    }

    /// <summary>
    /// Runs once the message's changes are committed (not for a duplicate): for what must not happen
    /// before the commit is visible, such as dropping a cache that a read could otherwise refill with
    /// the old state. A failure here redelivers the message, which the inbox then skips.
    /// </summary>
    protected virtual Task AfterCommitAsync(TMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies the message through <see cref="Db"/>; SaveChanges and commit are done by the base.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken);

    // MassTransit's consume span is current when its source is sampled; otherwise the trace comes from
    // the header, so the effect (and its logs, and any event it publishes) stays in the sender's trace.
    private static Activity? StartActivity(ConsumeContext<TMessage> context)
    {
        var parent = Activity.Current?.Context ?? default;
        if (parent == default
            && context.Headers.Get<string>(MessagingHeaders.TraceParent) is { } header
            && ActivityContext.TryParse(header, null, out var fromHeader))
        {
            parent = fromHeader;
        }

        return MessagingTelemetry.Start($"inbox {typeof(TMessage).Name}", ActivityKind.Internal, parent);
    }

    [LoggerMessage(LogLevel.Information, "{Consumer} already applied message {MessageId}; redelivery ignored")]
    private static partial void LogDuplicate(ILogger logger, string consumer, Guid messageId);
}
