namespace CityEServices.Notifications.Features.Sms;

public sealed record OptOutRequest(string? Mobile);

public sealed record OptOutResponse(string Mobile, OptOutSource Source, DualTime OptedOutAt, string OptedOutBy);

/// <summary>One message owed to a citizen, as the send queue holds it (admins only: the number is shown in full).</summary>
public sealed record SmsMessageResponse(
    Guid Id,
    Guid EventId,
    string FileNumber,
    string Template,
    string? Mobile,
    string? Text,
    SmsStatus Status,
    int Attempts,
    string? LastError,
    DualTime CreatedAt,
    DualTime? NextAttemptAt,
    DualTime? SentAt,
    string? ProviderMessageId);

/// <summary>A message the Development sink received, as a developer reads it.</summary>
public sealed record SinkMessageResponse(long MessageId, string Receptor, string Message, string? LocalId, string? Sender, DualTime ReceivedAt);
