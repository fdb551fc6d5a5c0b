namespace CityEServices.Notifications.Data;

/// <summary>A claimed delivery with what sending it needs.</summary>
public sealed record ClaimedDelivery(WebhookDelivery Delivery, WebhookSubscription Subscription, EventLogEntry Event);

/// <summary>
/// The deliveries table as a work queue shared by every replica: claims take a lease on due deliveries
/// (FOR UPDATE SKIP LOCKED, so two replicas never take the same row), results are written only by the
/// claim's holder.
/// </summary>
public sealed class DeliveryQueue(NotificationsDbContext db)
{
    // pg_advisory_xact_lock key: claims of all replicas one at a time, so the per-subscription bound holds exactly.
    private const long ClaimLock = 0x4E4F5449_57484B31;

    /// <summary>
    /// Leases up to <paramref name="limit"/> due deliveries: for each (subscription, subject) only the
    /// earliest pending one (a later one waits while an earlier is pending, in flight or backing off),
    /// at most <paramref name="perSubscription"/> in flight per subscription, and round-robin across
    /// subscriptions (each one's first before anyone's second), so a subscriber with a backlog or a
    /// failure streak never starves the others.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ClaimAsync(int limit, int perSubscription, DateTimeOffset now, TimeSpan lease, Guid token, CancellationToken cancellationToken)
    {
        var leaseUntil = now + lease;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({ClaimLock})", ct);
            var ids = await db.Database.SqlQuery<Guid>($"""
                WITH inflight AS (
                    SELECT subscription_id, count(*) AS n FROM webhook_deliveries
                    WHERE status = 'Pending' AND leased_until > {now}
                    GROUP BY subscription_id
                ), heads AS (
                    SELECT d.id, d.subscription_id, d.event_time, d.event_id
                    FROM webhook_deliveries d
                    JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.status = 'Active'
                    WHERE d.status = 'Pending' AND d.next_attempt_at <= {now}
                      AND (d.leased_until IS NULL OR d.leased_until <= {now})
                      AND NOT EXISTS (
                          SELECT 1 FROM webhook_deliveries e
                          WHERE e.subscription_id = d.subscription_id AND e.subject = d.subject AND e.status = 'Pending'
                            AND (e.event_time, e.event_id, e.id) < (d.event_time, d.event_id, d.id))
                ), ranked AS (
                    SELECT h.id, row_number() OVER (PARTITION BY h.subscription_id ORDER BY h.event_time, h.event_id, h.id) AS rank,
                           {perSubscription} - coalesce(i.n, 0) AS free
                    FROM heads h LEFT JOIN inflight i ON i.subscription_id = h.subscription_id
                ), chosen AS (
                    SELECT id FROM ranked WHERE rank <= free ORDER BY rank, id LIMIT {limit}
                ), locked AS (
                    SELECT d.id FROM webhook_deliveries d
                    WHERE d.id IN (SELECT id FROM chosen)
                      AND d.status = 'Pending' AND (d.leased_until IS NULL OR d.leased_until <= {now})
                    FOR UPDATE OF d SKIP LOCKED
                )
                UPDATE webhook_deliveries d SET leased_until = {leaseUntil}, lease_token = {token}
                FROM locked WHERE d.id = locked.id
                RETURNING d.id AS "Value"
                """).ToListAsync(ct);
            await transaction.CommitAsync(ct);
            return ids;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimedDelivery>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        await (from d in db.Deliveries.AsNoTracking()
               where ids.Contains(d.Id)
               join s in db.Subscriptions.AsNoTracking() on d.SubscriptionId equals s.Id
               join e in db.EventLog.AsNoTracking() on d.EventId equals e.EventId
               orderby d.EventTime, d.EventId
               select new ClaimedDelivery(d, s, e)).ToListAsync(cancellationToken);

    /// <summary>The subscriber took it (2xx). Written only while this claim still holds the lease.</summary>
    public Task<int> DeliveredAsync(Guid id, Guid token, int statusCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Deliveries.Where(d => d.Id == id && d.LeaseToken == token && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.Delivered)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.LastAttemptAt, now)
                .SetProperty(d => d.LastStatusCode, statusCode)
                .SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.DeliveredAt, now)
                .SetProperty(d => d.LeasedUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.LeaseToken, (Guid?)null), cancellationToken);

    /// <summary>The attempt failed: try again at <paramref name="nextAttempt"/>, or, when that is null, the delivery has Failed for good.</summary>
    public Task<int> AttemptFailedAsync(Guid id, Guid token, int attempts, int? statusCode, string error, DateTimeOffset now, DateTimeOffset? nextAttempt, CancellationToken cancellationToken) =>
        db.Deliveries.Where(d => d.Id == id && d.LeaseToken == token && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, nextAttempt is null ? DeliveryStatus.Failed : DeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.LastAttemptAt, now)
                .SetProperty(d => d.LastStatusCode, statusCode)
                .SetProperty(d => d.LastError, error.Length > WebhookDelivery.MaxErrorLength ? error[..WebhookDelivery.MaxErrorLength] : error)
                .SetProperty(d => d.NextAttemptAt, d => nextAttempt ?? d.NextAttemptAt)
                .SetProperty(d => d.LeasedUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.LeaseToken, (Guid?)null), cancellationToken);

    /// <summary>Gives a claim back untried (the replica is stopping): due again at once, for any replica.</summary>
    public Task<int> ReleaseAsync(Guid id, Guid token, CancellationToken cancellationToken) =>
        db.Deliveries.Where(d => d.Id == id && d.LeaseToken == token)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.LeasedUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.LeaseToken, (Guid?)null), cancellationToken);
}
