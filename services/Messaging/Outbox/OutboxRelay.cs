using System.Diagnostics;
using CityEServices.Contracts.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
    internal static readonly ActivitySource Source = new("CityEServices.Messaging");

    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var fullBatch = false;
            try
            {
                fullBatch = await RelayBatchAsync(stoppingToken);
                await CleanupAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database itself is unreachable; rows are safe where they are, try again later.
                LogRelayFailed(logger, ex);
            }

            if (!fullBatch)
            {
                try
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <returns>true when every row of a full batch went out, so more may be waiting right now.</returns>
    internal async Task<bool> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
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
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (failures > 0)
            {
                LogPublishFailures(logger, failures, batch.Count, batch.Min(m => m.NextAttemptAt));
            }

            return failures == 0 && batch.Count == _options.BatchSize;
        }, cancellationToken);
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
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
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
            return ex is OperationCanceledException ? "broker did not confirm in time" : ex.Message;
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
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(LogLevel.Warning, "Outbox relay could not reach its database")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Outbox: {Failures} of {Count} events not confirmed by the broker; next attempt from {NextAttempt}")]
    private static partial void LogPublishFailures(ILogger logger, int failures, int count, DateTimeOffset nextAttempt);
}
