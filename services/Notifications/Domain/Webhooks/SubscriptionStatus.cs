namespace CityEServices.Notifications.Domain.Webhooks;

public enum SubscriptionStatus
{
    Active,

    /// <summary>Deleted by its client: kept for its deliveries' history, answered as 404, sent nothing.</summary>
    Deleted,
}
