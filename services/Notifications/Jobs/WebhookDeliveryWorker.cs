using System.Collections.Concurrent;

namespace CityEServices.Notifications.Jobs;

/// <summary>
/// Sends due deliveries, on every replica. Each pass claims as many as this replica has free slots
/// (the queue decides which: per-subject order, per-subscription bound, round-robin), and every claimed
/// delivery is sent on its own task: a slow subscriber holds its own slots for at most the timeout,
/// never the pass, so the others keep flowing. 2xx is delivered; anything else waits its backoff and
/// is tried again until Notifications:RetryFor has passed, then it is Failed — and stays listed.
/// </summary>
public sealed partial class WebhookDeliveryWorker(
    IServiceScopeFactory scopes,
    WebhookClient client,
    DeliverySignal signal,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    private readonly NotificationsOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(options.Value.Deliveries.MaxInFlight, options.Value.Deliveries.MaxInFlight);
    private readonly ConcurrentDictionary<Guid, Task> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Deliveries.RunWorker)
        {
            return;
        }

        await Task.Yield();
        // A failed pass is usually the database being away: deliveries are safe where they are.
        await signal.RunPassesAsync(
            async ct =>
            {
                var (claimed, limit) = await StartDueAsync(ct);
                return claimed > 0 && claimed == limit;
            },
            _options.Deliveries.PollInterval,
            e => LogPassFailed(logger, e),
            stoppingToken);

        // In-flight attempts end with the host's token; their leases are handed back as they do.
        await Task.WhenAll(_inFlight.Values);
    }

    /// <summary>One pass that also waits for its attempts to finish: how a test (or an operator) runs the worker by hand.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var claimed = await ClaimAsync(_options.Deliveries.MaxInFlight, token, cancellationToken);
        await Task.WhenAll(claimed.Select(c => DeliverAsync(c, token, cancellationToken)));
        return claimed.Count;
    }

    private async Task<(int Claimed, int Limit)> StartDueAsync(CancellationToken stoppingToken)
    {
        var free = _slots.CurrentCount;
        if (free == 0)
        {
            return (0, 0);
        }

        var token = Guid.NewGuid();
        var claimed = await ClaimAsync(free, token, stoppingToken);
        foreach (var delivery in claimed)
        {
            // Free slots only shrink by this loop, so the wait never blocks.
            await _slots.WaitAsync(stoppingToken);
            var id = delivery.Delivery.Id;
            _inFlight[id] = Task.Run(async () =>
            {
                try
                {
                    await DeliverAsync(delivery, token, stoppingToken);
                }
                finally
                {
                    _inFlight.TryRemove(id, out _);
                    _slots.Release();
                    // A slot is free, and the next delivery of this subject may now be due.
                    signal.Notify();
                }
            }, CancellationToken.None);
        }

        return (claimed.Count, free);
    }

    private async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int limit, Guid token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<DeliveryQueue>();
        var ids = await queue.ClaimAsync(limit, _options.Deliveries.MaxInFlightPerSubscription, time.GetUtcNow(), _options.Deliveries.LeaseDuration, token, cancellationToken);
        return ids.Count == 0 ? [] : await queue.LoadAsync(ids, cancellationToken);
    }

    private async Task DeliverAsync(ClaimedDelivery claimed, Guid token, CancellationToken cancellationToken)
    {
        var (delivery, subscription, entry) = claimed;
        AttemptResult result;
        try
        {
            if (EventCatalog.Find(entry.Type) is not { } descriptor)
            {
                result = new AttemptResult(null, $"{entry.Type} is no longer in the event catalog");
            }
            else
            {
                var now = time.GetUtcNow();
                var body = CloudEvent.Serialize(entry, descriptor, subscription.MaySeePersonalData);
                var timestamp = now.ToUnixTimeSeconds();
                var signature = WebhookSignature.Header(delivery.WebhookId, timestamp, body, subscription.SigningSecrets(now));
                result = await client.PostAsync(subscription.Url, body, delivery.WebhookId, timestamp, signature, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(delivery.Id, token);
            return;
        }
        catch (Exception e)
        {
            result = new AttemptResult(null, e.Message);
        }

        try
        {
            await RecordAsync(delivery, token, result);
        }
        catch (Exception e)
        {
            // Not recorded: the lease runs out and the delivery is tried again (at least once, never lost).
            LogRecordFailed(logger, e, delivery.Id);
        }
    }

    private async Task RecordAsync(WebhookDelivery delivery, Guid token, AttemptResult result)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<DeliveryQueue>();
        var now = time.GetUtcNow();
        if (result.Delivered)
        {
            await queue.DeliveredAsync(delivery.Id, token, result.StatusCode!.Value, now, CancellationToken.None);
            return;
        }

        var attempts = delivery.Attempts + 1;
        var next = RetrySchedule.Next(attempts, delivery.CreatedAt, now, _options.RetryPolicy, Random.Shared.NextDouble());
        await queue.AttemptFailedAsync(delivery.Id, token, attempts, result.StatusCode, result.Error!, now, next, CancellationToken.None);
        if (next is null)
        {
            LogFailed(logger, delivery.Id, delivery.SubscriptionId, attempts, result.Error!);
        }
    }

    private async Task ReleaseAsync(Guid id, Guid token)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeliveryQueue>().ReleaseAsync(id, token, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogRecordFailed(logger, e, id);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Webhook delivery pass failed (database unreachable?); deliveries stay pending and are tried again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "The outcome of webhook delivery {DeliveryId} could not be recorded; it is tried again when its lease runs out")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, Guid deliveryId);

    [LoggerMessage(LogLevel.Warning, "Webhook delivery {DeliveryId} to subscription {SubscriptionId} failed for good after {Attempts} attempts: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, Guid subscriptionId, int attempts, string error);
}
