namespace CityEServices.Notifications.Features.Subscriptions;

/// <summary>
/// A client subscribes a URL to event types it may read. Nothing is written unless the fields are
/// right, the URL's host resolves to public addresses only, and the client is under its limit. The
/// answer carries the signing secret, which is never shown again.
/// </summary>
public sealed class CreateSubscription(NotificationsDbContext db, SubscriptionAccess access, SubscriberNetwork network, IOptions<NotificationsOptions> options, TimeProvider time)
{
    public const string SubscriptionLimit = "SubscriptionLimit";

    public async Task<Outcome<CreatedSubscriptionResponse>> HandleAsync(CreateSubscriptionRequest request, Caller caller, CancellationToken cancellationToken)
    {
        if (SubscriptionAccess.RequireClient(caller) is { } refused)
        {
            return refused;
        }

        var validated = SubscriptionRules.Validate(request.Url, request.EventTypes, request.Description, caller.Scopes, network.AllowLoopback);
        if (validated.Value is not { } valid)
        {
            return Problem.Invalid(validated.Errors);
        }

        if (await network.CheckHostAsync(valid.Url, cancellationToken) is { } unreachable)
        {
            return Problem.Invalid("url", unreachable);
        }

        await access.RefreshScopesAsync(caller, cancellationToken);
        var limit = options.Value.MaxSubscriptionsPerClient;
        if (await db.Subscriptions.CountAsync(s => s.ClientId == caller.Id && s.Status == SubscriptionStatus.Active, cancellationToken) >= limit)
        {
            return Problem.Conflict(SubscriptionLimit, "Too many subscriptions.", $"A client may hold {limit} webhook subscriptions; delete one first.");
        }

        var now = time.GetDatabaseNow();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now),
            ClientId = caller.Id,
            Url = valid.Url.AbsoluteUri,
            EventTypes = [.. valid.EventTypes],
            Description = valid.Description,
            Secret = WebhookSecret.New(),
            OwnerScopes = [.. caller.Scopes.Order(StringComparer.Ordinal)],
            Status = SubscriptionStatus.Active,
            CreatedAt = now,
            CreatedBy = caller.Actor,
        };
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedSubscriptionResponse(
            subscription.Id, subscription.Secret, subscription.Url, subscription.EventTypes, subscription.Description, DualTime.From(now));
    }
}
