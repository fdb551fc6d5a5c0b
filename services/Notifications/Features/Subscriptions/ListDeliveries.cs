namespace CityEServices.Notifications.Features.Subscriptions;

/// <summary>What was sent to one of the client's subscriptions, newest first: attempts, last status code, next attempt; by status.</summary>
public sealed class ListDeliveries(NotificationsDbContext db, SubscriptionAccess access)
{
    public async Task<Outcome<Page<DeliveryResponse>>> HandleAsync(string id, string? status, string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        var found = await access.FindOwnAsync(id, caller, track: false, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var errors = new ValidationErrors();
        var request = PageRequest.Read(page, pageSize, errors);
        DeliveryStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<DeliveryStatus>(status.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("status", $"status must be one of {string.Join(", ", Enum.GetNames<DeliveryStatus>())}; got '{status}'.");
            }
        }

        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        var subscriptionId = found.Value.Id;
        var query = db.Deliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        if (wanted is { } only)
        {
            query = query.Where(d => d.Status == only);
        }

        return await (from d in query
                      join e in db.EventLog on d.EventId equals e.EventId
                      orderby d.CreatedAt descending, d.Id descending
                      select new { Delivery = d, e.Type })
            .ToPageAsync(request, row => Map(row.Delivery, row.Type), cancellationToken);
    }

    private static DeliveryResponse Map(WebhookDelivery d, string type) => new(
        d.Id,
        d.WebhookId,
        d.EventId,
        type,
        d.Subject,
        DualTime.From(d.EventTime),
        d.Status,
        d.Attempts,
        d.LastStatusCode,
        d.LastError,
        d.LastAttemptAt is { } last ? DualTime.From(last) : null,
        d.Status == DeliveryStatus.Pending ? DualTime.From(d.NextAttemptAt) : null,
        d.DeliveredAt is { } delivered ? DualTime.From(delivered) : null,
        DualTime.From(d.CreatedAt),
        d.Replay);
}
