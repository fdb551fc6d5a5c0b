namespace CityEServices.Notifications.Features.Subscriptions;

/// <summary>
/// A new signing secret, shown once. The old one keeps signing beside it for Notifications:SecretOverlap
/// (24 h): every delivery meanwhile carries both signatures, so the subscriber can switch over without
/// refusing anything.
/// </summary>
public sealed class RotateSecret(NotificationsDbContext db, SubscriptionAccess access, IOptions<NotificationsOptions> options, TimeProvider time)
{
    public const string ConcurrentChange = "ConcurrentChange";

    public async Task<Outcome<RotatedSecretResponse>> HandleAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var found = await access.FindOwnAsync(id, caller, track: true, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var subscription = found.Value;
        var now = time.GetDatabaseNow();
        subscription.RotateSecret(WebhookSecret.New(), now, options.Value.SecretOverlap);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict(ConcurrentChange, "The subscription changed meanwhile.", "Another rotation or deletion of this subscription came first; read it and try again.");
        }

        return new RotatedSecretResponse(subscription.Id, subscription.Secret, DualTime.From(subscription.PreviousSecretExpiresAt!.Value));
    }
}
