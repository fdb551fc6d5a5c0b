using System.Globalization;
using System.Text.Json;

namespace CityEServices.Notifications.Infrastructure;

/// <summary>What the provider made of one send.</summary>
public abstract record SmsSendResult
{
    /// <summary>Accepted; the provider's id for it.</summary>
    public sealed record Sent(string MessageId) : SmsSendResult;

    /// <summary>Not now (network, timeout, 5xx, credit, a wrong key being fixed): try again later.</summary>
    public sealed record Retry(string Error) : SmsSendResult;

    /// <summary>Never (the number or the text is invalid): retrying would change nothing.</summary>
    public sealed record Refused(string Error) : SmsSendResult;

    /// <summary>No provider is configured (outside Development without Notifications:Sms:BaseUrl).</summary>
    public sealed record NotConfigured : SmsSendResult;
}

/// <summary>
/// The adapter for an Iranian SMS gateway of the common REST shape (Kavenegar's):
/// <c>POST {BaseUrl}/v1/{ApiKey}/sms/send.json</c>, form fields <c>receptor</c> (09…), <c>message</c>,
/// <c>localid</c> (our message id: the gateway sends a repeated localid once, so a retry after a lost
/// answer cannot text the citizen twice) and optionally <c>sender</c>; the answer is
/// <c>{ "return": { "status": 200, "message": … }, "entries": [ { "messageid": … } ] }</c>.
/// </summary>
public sealed class KavenegarSmsProvider(HttpClient http, SmsProviderAddress address, IOptions<SmsOptions> options)
{
    /// <summary>Kavenegar's codes for a receptor, sender, text or characters it will never accept.</summary>
    private static readonly int[] PermanentRefusals = [411, 412, 413, 422];

    public async Task<SmsSendResult> SendAsync(MobileNumber receptor, string text, Guid localId, CancellationToken cancellationToken)
    {
        if (address.BaseUrl is not { } baseUrl)
        {
            return new SmsSendResult.NotConfigured();
        }

        var settings = options.Value;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("receptor", receptor.Local),
            new("message", text),
            new("localid", localId.ToString("N")),
        };
        if (!string.IsNullOrWhiteSpace(settings.Sender))
        {
            fields.Add(new("sender", settings.Sender));
        }

        var url = $"{baseUrl}/v1/{Uri.EscapeDataString(address.ApiKey)}/sms/send.json";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.PostAsync(url, new FormUrlEncodedContent(fields), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return Interpret((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SmsSendResult.Retry($"the SMS provider did not answer within {settings.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new SmsSendResult.Retry($"the SMS provider could not be reached: {e.Message}");
        }
    }

    /// <summary>The provider's answer as a result (its own status in <c>return.status</c>, beside the HTTP one).</summary>
    public static SmsSendResult Interpret(int httpStatus, string body)
    {
        int? status = null;
        string? message = null;
        string? messageId = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("return", out var ret))
            {
                status = ret.TryGetProperty("status", out var s) && s.TryGetInt32(out var code) ? code : null;
                message = ret.TryGetProperty("message", out var m) ? m.ToString() : null;
            }

            if (json.RootElement.TryGetProperty("entries", out var entries) && entries.ValueKind == JsonValueKind.Array && entries.GetArrayLength() > 0
                && entries[0].TryGetProperty("messageid", out var id))
            {
                messageId = id.ToString();
            }
        }
        catch (JsonException)
        {
            // Not the provider's JSON (a proxy's error page): judged by the HTTP status below.
        }

        var effective = status ?? httpStatus;
        if (httpStatus is >= 200 and < 300 && effective == 200 && messageId is not null)
        {
            return new SmsSendResult.Sent(messageId);
        }

        var error = $"the SMS provider answered {effective.ToString(CultureInfo.InvariantCulture)}{(message is null ? "" : $": {message}")}";
        return PermanentRefusals.Contains(effective) ? new SmsSendResult.Refused(error) : new SmsSendResult.Retry(error);
    }
}
