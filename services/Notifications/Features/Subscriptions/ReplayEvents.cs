using System.Globalization;

namespace CityEServices.Notifications.Features.Subscriptions;

/// <summary>
/// Sends again what happened in [from, to): every logged event of the subscription's types (that the
/// client may still read) becomes a new delivery, with the same event id and the same webhook-id as
/// before, so a subscriber that kept them can tell repeats from news. Events older than
/// Notifications:Retention are gone and cannot be replayed.
/// </summary>
public sealed class ReplayEvents(NotificationsDbContext db, SubscriptionAccess access, IOptions<NotificationsOptions> options, TimeProvider time)
{
    public async Task<Outcome<ReplayResponse>> HandleAsync(string id, ReplayRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var found = await access.FindOwnAsync(id, caller, track: false, cancellationToken, refreshScopes: true);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var errors = new ValidationErrors();
        var now = time.GetDatabaseNow();
        var from = Instant(request.From, "from", errors);
        var to = Instant(request.To, "to", errors);
        if (from is not null && to is not null && from >= to)
        {
            errors.Add("to", "to must be later than from.");
        }

        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        var subscription = found.Value;
        var types = subscription.EventTypes.Where(t => SubscriptionAccess.Covers(subscription.OwnerScopes, t)).ToArray();
        var window = db.EventLog.AsNoTracking().Where(e => types.Contains(e.Type) && e.Time >= from!.Value && e.Time < to!.Value);
        var count = await window.CountAsync(cancellationToken);
        var max = options.Value.MaxReplayEvents;
        if (count > max)
        {
            return Problem.Invalid("to", $"The window holds {count} events; one replay re-sends at most {max}: narrow it.");
        }

        var events = await window.OrderBy(e => e.Time).ThenBy(e => e.EventId)
            .Select(e => new { e.EventId, e.Subject, e.Time })
            .ToListAsync(cancellationToken);
        foreach (var e in events)
        {
            db.Deliveries.Add(WebhookDelivery.For(subscription.Id, e.EventId, e.Subject, e.Time, now, replay: true));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ReplayResponse(subscription.Id, DualTime.From(from!.Value), DualTime.From(to!.Value), events.Count);
    }

    /// <summary>An ISO 8601 instant; without an offset it is read as UTC.</summary>
    private static DateTimeOffset? Instant(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"{field} is required: an ISO 8601 instant such as 2026-05-01T08:30:00Z.");
            return null;
        }

        if (!DateTimeOffset.TryParse(PersianText.NormalizeDigits(text)!.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            errors.Add(field, $"{field} must be an ISO 8601 instant such as 2026-05-01T08:30:00Z; got '{text}'.");
            return null;
        }

        return instant;
    }
}
