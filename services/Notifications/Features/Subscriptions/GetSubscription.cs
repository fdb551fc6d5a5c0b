namespace CityEServices.Notifications.Features.Subscriptions;

/// <summary>One of the calling client's subscriptions (never its secret).</summary>
public sealed class GetSubscription(SubscriptionAccess access, TimeProvider time)
{
    public async Task<Outcome<SubscriptionResponse>> HandleAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var found = await access.FindOwnAsync(id, caller, track: false, cancellationToken, refreshScopes: true);
        return found.Then(s => SubscriptionResponse.From(s, time.GetUtcNow()));
    }
}
