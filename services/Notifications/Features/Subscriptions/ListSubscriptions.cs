namespace CityEServices.Notifications.Features.Subscriptions;

/// <summary>The calling client's subscriptions, newest first, a page at a time.</summary>
public sealed class ListSubscriptions(NotificationsDbContext db, SubscriptionAccess access, TimeProvider time)
{
    public async Task<Outcome<Page<SubscriptionResponse>>> HandleAsync(string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        if (SubscriptionAccess.RequireClient(caller) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var request = PageRequest.Read(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        await access.RefreshScopesAsync(caller, cancellationToken);
        var now = time.GetUtcNow();
        return await db.Subscriptions.AsNoTracking()
            .Where(s => s.ClientId == caller.Id && s.Status == SubscriptionStatus.Active)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .ToPageAsync(request, s => SubscriptionResponse.From(s, now), cancellationToken);
    }
}
