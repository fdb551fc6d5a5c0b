namespace CityEServices.Notifications.Infrastructure;

/// <summary>New or unblocked webhook deliveries (a finished attempt lets the next one of its subject go).</summary>
public sealed class DeliverySignal : WorkSignal;

/// <summary>New SMS to send.</summary>
public sealed class SmsSignal : WorkSignal;
