namespace CityEServices.Notifications.Features.Subscriptions;

/// <summary>
/// Ends a subscription: nothing more is sent to it, and what was still pending is cancelled in the same
/// transaction. The record and its deliveries stay (history); to the client it is gone (404).
/// </summary>
public sealed class DeleteSubscription(NotificationsDbContext db, SubscriptionAccess access, TimeProvider time)
{
    public async Task<Outcome<Done>> HandleAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var found = await access.FindOwnAsync(id, caller, track: true, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var subscription = found.Value;
        var now = time.GetDatabaseNow();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            subscription.Delete(now, caller.Actor);
            await db.SaveChangesAsync(ct);
            await db.Deliveries
                .Where(d => d.SubscriptionId == subscription.Id && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(d => d.Status, DeliveryStatus.Cancelled)
                    .SetProperty(d => d.LastError, "the subscription was deleted"), ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return Done.Value;
    }
}
