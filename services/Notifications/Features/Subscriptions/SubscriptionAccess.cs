namespace CityEServices.Notifications.Features.Subscriptions;

/// <summary>
/// Subscriptions belong to integrator clients (client credentials with the <c>webhooks</c> scope), each
/// to the client that made it; anyone else's, or an id that is no subscription, is the same 404.
/// </summary>
public sealed class SubscriptionAccess(NotificationsDbContext db)
{
    public const string RoleNotAllowed = "RoleNotAllowed";

    public static Problem? RequireClient(Caller caller) =>
        caller.IsClient
            ? null
            : Problem.Forbidden(RoleNotAllowed, "Webhook subscriptions belong to integrator clients: call with a client-credentials token that holds the webhooks scope.");

    public static Problem NotFound(string id) =>
        Problem.NotFound("Subscription not found.", $"This client has no webhook subscription {id}.");

    /// <summary>
    /// The calling client's own active subscription <paramref name="id"/>, tracked when <paramref name="track"/>;
    /// else the 403 of a caller that is not a client, or the 404. With <paramref name="refreshScopes"/> the
    /// client's subscriptions first take up the scopes it holds now (see <see cref="RefreshScopesAsync"/>).
    /// </summary>
    public async Task<Outcome<WebhookSubscription>> FindOwnAsync(string id, Caller caller, bool track, CancellationToken cancellationToken, bool refreshScopes = false)
    {
        if (RequireClient(caller) is { } refused)
        {
            return refused;
        }

        if (refreshScopes)
        {
            await RefreshScopesAsync(caller, cancellationToken);
        }

        if (!Guid.TryParse(id, out var key))
        {
            return NotFound(id);
        }

        var query = track ? db.Subscriptions : db.Subscriptions.AsNoTracking();
        var subscription = await query.SingleOrDefaultAsync(
            s => s.Id == key && s.ClientId == caller.Id && s.Status == SubscriptionStatus.Active, cancellationToken);
        return subscription is null ? NotFound(id) : subscription;
    }

    /// <summary>
    /// What the client may receive follows the scopes it holds now: each call of its brings its
    /// subscriptions' record of them up to date (a scope granted or withdrawn — pii.read, say — applies
    /// from the next delivery on).
    /// </summary>
    public Task RefreshScopesAsync(Caller caller, CancellationToken cancellationToken)
    {
        var scopes = caller.Scopes.Order(StringComparer.Ordinal).ToArray();
        return db.Subscriptions
            .Where(s => s.ClientId == caller.Id && s.Status == SubscriptionStatus.Active && s.OwnerScopes != scopes)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.OwnerScopes, scopes), cancellationToken);
    }

    /// <summary>Whether the scopes open <paramref name="eventType"/> (an offered type whose scope is among them).</summary>
    public static bool Covers(IEnumerable<string> scopes, string eventType) =>
        Domain.Events.EventCatalog.Find(eventType) is { RequiredScope: { } scope } && scopes.Contains(scope, StringComparer.Ordinal);

    public static bool IsWebhooksClient(Caller caller) => caller.IsClient && caller.HasScope(Scopes.Webhooks);
}
