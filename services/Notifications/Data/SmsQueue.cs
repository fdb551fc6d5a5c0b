namespace CityEServices.Notifications.Data;

/// <summary>
/// The SMS table as a work queue shared by every replica, like <see cref="DeliveryQueue"/>: leases on
/// due messages (FOR UPDATE SKIP LOCKED), one recipient's messages in the order of their events.
/// </summary>
public sealed class SmsQueue(NotificationsDbContext db)
{
    public async Task<IReadOnlyList<Guid>> ClaimAsync(int limit, DateTimeOffset now, TimeSpan lease, Guid token, CancellationToken cancellationToken)
    {
        var leaseUntil = now + lease;
        return await db.Database.SqlQuery<Guid>($"""
            WITH locked AS (
                SELECT m.id FROM sms_messages m
                WHERE m.status = 'Pending' AND m.next_attempt_at <= {now}
                  AND (m.leased_until IS NULL OR m.leased_until <= {now})
                  AND NOT EXISTS (
                      SELECT 1 FROM sms_messages e
                      WHERE e.recipient = m.recipient AND e.status = 'Pending'
                        AND (e.event_time, e.id) < (m.event_time, m.id))
                ORDER BY m.next_attempt_at
                LIMIT {limit}
                FOR UPDATE OF m SKIP LOCKED
            )
            UPDATE sms_messages m SET leased_until = {leaseUntil}, lease_token = {token}
            FROM locked WHERE m.id = locked.id
            RETURNING m.id AS "Value"
            """).ToListAsync(cancellationToken);
    }

    /// <summary>The claimed messages, tracked: the sender fills in the contact and the text, then saves the outcome.</summary>
    public async Task<IReadOnlyList<SmsMessage>> LoadAsync(IReadOnlyList<Guid> ids, Guid token, CancellationToken cancellationToken) =>
        await db.SmsMessages.Where(m => ids.Contains(m.Id) && m.LeaseToken == token).OrderBy(m => m.EventTime).ToListAsync(cancellationToken);
}
