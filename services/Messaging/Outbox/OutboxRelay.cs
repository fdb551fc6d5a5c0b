using System.Diagnostics;
using CityEServices.Contracts.Events;
using CityEServices.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityEServices.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows with publisher confirms. A row is marked published only after the
/// broker confirmed it; a failure schedules a retry with backoff and the row stays until it goes out.
/// Rows are claimed with FOR UPDATE SKIP LOCKED, so replicas of a service share the work safely.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(50);

    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        // The relay's spans belong to the events' own traces, not to whatever was current at host start.
        Activity.Current = null;
        EnsureOutboxInModel();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = _options.PollInterval;
            try
            {
                var pass = await RelayBatchAsync(stoppingToken);
                await CleanupAsync(stoppingToken);
                if (pass.MoreWaiting)
                {
                    continue;
                }

                // Sleep until the next retry falls due (when sooner than the poll) or a commit wakes us.
                // A row due already but skipped is locked by another replica's pass: look again shortly, not in a spin.
                if (pass.NextDue is { } due)
                {
                    var untilDue = due - time.GetUtcNow();
                    wait = untilDue < MinimumWait ? MinimumWait : untilDue < wait ? untilDue : wait;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Most likely the database itself is unreachable; rows are safe where they are, try again later.
                LogRelayFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // A service that forgot AddMessagingTables would otherwise log a failed pass every poll for ever;
    // failing here stops the host at start-up with the reason.
    private void EnsureOutboxInModel()
    {
        using var scope = scopes.CreateScope();
        if (scope.ServiceProvider.GetRequiredService<TDbContext>().Model.FindEntityType(typeof(OutboxMessage)) is null)
        {
            throw new InvalidOperationException(
                $"{typeof(TDbContext).Name} has no outbox table: call modelBuilder.AddMessagingTables() in its OnModelCreating.");
        }
    }

    /// <summary>What one pass found: more rows due right now, or when the earliest pending row falls due.</summary>
    internal readonly record struct RelayPass(bool MoreWaiting, DateTimeOffset? NextDue);

    internal async Task<RelayPass> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        var fullBatchSent = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var batch = await db.Set<OutboxMessage>()
                .FromSqlInterpolated($"""
                    SELECT * FROM outbox_messages
                    WHERE published_at IS NULL AND next_attempt_at <= {now}
                    ORDER BY occurred_at, id
                    LIMIT {_options.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return false;
            }

            var outcomes = await Task.WhenAll(batch.Select(message => TryPublishAsync(message, ct)));
            var confirmedAt = time.GetUtcNow();
            DateTimeOffset? firstRetry = null;
            var failures = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                if (outcomes[i] is null)
                {
                    message.PublishedAt = confirmedAt;
                    message.LastError = null;
                    continue;
                }

                failures++;
                message.Attempts++;
                message.NextAttemptAt = confirmedAt + _options.RetryDelay(message.Attempts);
                message.LastError = Truncate(outcomes[i]!, 2000);
                firstRetry = firstRetry is null || message.NextAttemptAt < firstRetry ? message.NextAttemptAt : firstRetry;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (failures > 0)
            {
                LogPublishFailures(logger, failures, batch.Count, firstRetry!.Value, batch.First(m => m.LastError is not null).LastError!);
            }

            return failures == 0 && batch.Count == _options.BatchSize;
        }, cancellationToken);

        if (fullBatchSent)
        {
            return new RelayPass(true, null);
        }

        // Rows held back for a retry (this pass's failures, or rows locked by another replica) are
        // found again when due; this is the one indexed look-up that says when.
        var nextDue = await db.Set<OutboxMessage>()
            .Where(m => m.PublishedAt == null)
            .MinAsync(m => (DateTimeOffset?)m.NextAttemptAt, cancellationToken);
        return new RelayPass(false, nextDue);
    }

    /// <returns>null when the broker confirmed, else the reason it did not.</returns>
    private async Task<string?> TryPublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        IntegrationEvent integrationEvent;
        try
        {
            integrationEvent = EventSerializer.Deserialize(message.MessageType, message.Payload);
        }
        catch (Exception ex)
        {
            // Left in place with its reason: a row that cannot be read is a bug to fix, not data to drop.
            return $"unreadable: {ex.Message}";
        }

        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = MessagingTelemetry.Start("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("messaging.message.type", message.MessageType);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            await bus.Publish(integrationEvent, integrationEvent.GetType(), Pipe.Execute<PublishContext>(context =>
            {
                context.MessageId = message.Id;
                context.Durable = true;
                if (activity?.Id is { } traceParent)
                {
                    context.Headers.Set(MessagingHeaders.TraceParent, traceParent);
                }

                if (message.CorrelationId is not null)
                {
                    context.Headers.Set(MessagingHeaders.CorrelationId, message.CorrelationId);
                }
            }), timeout.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return ex is OperationCanceledException ? "broker did not confirm in time" : $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now + TimeSpan.FromHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var cutoff = now - _options.PublishedRetention;
        await db.Set<OutboxMessage>().Where(m => m.PublishedAt != null && m.PublishedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var inboxCutoff = now - _options.InboxRetention;
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < inboxCutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(LogLevel.Warning, "Outbox relay pass failed (database unreachable?); rows stay pending and are tried again")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Outbox: {Failures} of {Count} events not confirmed by the broker ({Reason}); next attempt from {NextAttempt}")]
    private static partial void LogPublishFailures(ILogger logger, int failures, int count, DateTimeOffset nextAttempt, string reason);
}
