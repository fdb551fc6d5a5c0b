namespace CityEServices.Notifications.Domain.Webhooks;

/// <summary>A subscription request that passed every check but the network one (where its host points).</summary>
public sealed record ValidSubscription(Uri Url, IReadOnlyList<string> EventTypes, string? Description);

public static class SubscriptionRules
{
    public const int MaxEventTypes = 50;

    /// <summary>
    /// Checks a subscription's fields: the URL's form (<see cref="SubscriberUrlRules"/>), event types that
    /// exist, are offered, and are open to <paramref name="scopes"/> (urban-planning events need
    /// urban-planning.read, archive archive.read, property property.read), and a short description.
    /// Errors are keyed by JSON path (<c>eventTypes[1]</c>).
    /// </summary>
    public static Validated<ValidSubscription> Validate(
        string? url, IReadOnlyList<string?>? eventTypes, string? description, IReadOnlySet<string> scopes, bool allowLoopback)
    {
        var check = new ValidationErrors();
        // Check gives a URL or the reason it gives none.
        var uri = SubscriberUrlRules.Check(url, allowLoopback, out var urlError);
        check.AddIf("url", urlError);

        var types = new List<string>();
        if (eventTypes is null || eventTypes.Count == 0)
        {
            check.Add("eventTypes", $"eventTypes must name at least one event type; offered: {string.Join(", ", EventCatalog.OfferedTypes)}.");
        }
        else if (eventTypes.Count > MaxEventTypes)
        {
            check.Add("eventTypes", $"eventTypes may name at most {MaxEventTypes} types.");
        }
        else
        {
            for (var i = 0; i < eventTypes.Count; i++)
            {
                var type = eventTypes[i]?.Trim();
                var field = $"eventTypes[{i}]";
                if (string.IsNullOrEmpty(type))
                {
                    check.Add(field, "An event type is required here.");
                }
                else if (EventCatalog.Find(type) is not { } descriptor)
                {
                    check.Add(field, $"'{type}' is not an event type; offered: {string.Join(", ", EventCatalog.OfferedTypes)}.");
                }
                else if (descriptor.RequiredScope is not { } scope)
                {
                    check.Add(field, $"'{type}' is not offered to integrators: the API shows its facts to staff only.");
                }
                else if (!scopes.Contains(scope))
                {
                    check.Add(field, $"'{type}' needs the scope {scope}, which the client was not granted: a subscriber receives only what it could read through the API.");
                }
                else if (!types.Contains(type, StringComparer.Ordinal))
                {
                    types.Add(type);
                }
            }
        }

        var text = PersianText.Normalize(description);
        if (text is { Length: > WebhookSubscription.MaxDescriptionLength })
        {
            check.Add("description", $"description must be at most {WebhookSubscription.MaxDescriptionLength} characters; got {text.Length}.");
        }

        return check.Result(() => new ValidSubscription(uri!, types, string.IsNullOrEmpty(text) ? null : text));
    }
}
