namespace CityEServices.Notifications.Domain.Sms;

/// <summary>A message the Development SMS sink took in place of a real provider, kept so developers can read it.</summary>
public sealed class SinkMessage
{
    /// <summary>The provider's message id the sink answers with.</summary>
    public long Id { get; init; }

    public string? LocalId { get; init; }

    /// <summary>As the adapter sent it: the domestic form, <c>09…</c>.</summary>
    public required string Receptor { get; init; }

    public string? Sender { get; init; }

    public required string Message { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
