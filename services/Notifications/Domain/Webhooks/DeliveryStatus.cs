namespace CityEServices.Notifications.Domain.Webhooks;

public enum DeliveryStatus
{
    /// <summary>Not delivered yet: due now or at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>The subscriber answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt within Notifications:RetryFor failed; kept and listed, never dropped.</summary>
    Failed,

    /// <summary>Its subscription was deleted before it could be delivered.</summary>
    Cancelled,
}
