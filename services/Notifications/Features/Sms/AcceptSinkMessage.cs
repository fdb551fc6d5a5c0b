using System.Text.Json.Serialization;

namespace CityEServices.Notifications.Features.Sms;

/// <summary>The provider's answer, in its own shape: <c>{ "return": { status, message }, "entries": [...] }</c>.</summary>
public sealed record ProviderAnswer(
    [property: JsonPropertyName("return")] ProviderReturn Return,
    [property: JsonPropertyName("entries")] IReadOnlyList<ProviderEntry>? Entries);

public sealed record ProviderReturn(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("message")] string Message);

public sealed record ProviderEntry(
    [property: JsonPropertyName("messageid")] long MessageId,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("statustext")] string StatusText,
    [property: JsonPropertyName("sender")] string? Sender,
    [property: JsonPropertyName("receptor")] string Receptor,
    [property: JsonPropertyName("date")] long Date,
    [property: JsonPropertyName("cost")] int Cost);

/// <summary>
/// The Development sink: answers <c>POST /sms-sink/v1/{apiKey}/sms/send.json</c> as the provider would
/// and keeps the message for developers to read (<c>GET /api/notifications/sms</c>). Like the provider,
/// it refuses a wrong key (403) or number (411) and takes a repeated <c>localid</c> once.
/// </summary>
public sealed class AcceptSinkMessage(NotificationsDbContext db, IOptions<SmsOptions> options, TimeProvider time)
{
    public async Task<ProviderAnswer> HandleAsync(string apiKey, IFormCollection form, CancellationToken cancellationToken)
    {
        var expected = options.Value.ApiKey;
        if (!string.IsNullOrEmpty(expected) && apiKey != expected)
        {
            return Refuse(403, "کلید API معتبر نیست");
        }

        if (!MobileNumber.TryParse(form["receptor"].ToString(), out var receptor))
        {
            return Refuse(411, "گیرنده معتبر نیست");
        }

        var text = form["message"].ToString();
        if (string.IsNullOrWhiteSpace(text) || text.Length > 900)
        {
            return Refuse(413, "متن پیام خالی یا بیش از حد طولانی است");
        }

        var localId = form["localid"].ToString() is { Length: > 0 and <= 64 } id ? id : null;
        if (localId is not null && await FindAsync(localId, cancellationToken) is { } earlier)
        {
            return Accepted(earlier);
        }

        var message = new SinkMessage
        {
            LocalId = localId,
            Receptor = receptor.Local,
            Sender = form["sender"].ToString() is { Length: > 0 } sender ? sender : null,
            Message = text,
            ReceivedAt = time.GetDatabaseNow(),
        };
        db.SinkMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Accepted(message);
        }
        catch (DbUpdateException e) when (localId is not null && e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return Accepted((await FindAsync(localId, cancellationToken))!);
        }
    }

    private Task<SinkMessage?> FindAsync(string localId, CancellationToken cancellationToken) =>
        db.SinkMessages.AsNoTracking().SingleOrDefaultAsync(m => m.LocalId == localId, cancellationToken);

    private static ProviderAnswer Accepted(SinkMessage m) => new(
        new ProviderReturn(200, "تایید شد"),
        [new ProviderEntry(m.Id, m.Message, 5, "ارسال به مخابرات", m.Sender, m.Receptor, m.ReceivedAt.ToUnixTimeSeconds(), 0)]);

    private static ProviderAnswer Refuse(int status, string message) => new(new ProviderReturn(status, message), null);
}
