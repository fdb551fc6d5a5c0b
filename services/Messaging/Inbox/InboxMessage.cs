namespace CityEServices.Messaging.Inbox;

/// <summary>Proof that a consumer has applied a message; its key makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public required string Consumer { get; set; }

    public required string MessageType { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
