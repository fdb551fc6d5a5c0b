namespace CityEServices.Messaging;

public static class CorrelationIds
{
    /// <summary>Matches the outbox column; a longer or odd header is dropped rather than failing the request.</summary>
    public const int MaxLength = 128;

    /// <summary>The request's X-Correlation-ID, to be carried by the events it causes; null when absent or unusable.</summary>
    public static string? CorrelationId(this HttpContext http)
    {
        var value = http.Request.Headers[MessagingHeaders.CorrelationId].ToString().Trim();
        return value.Length is > 0 and <= MaxLength && value.All(c => c is >= '!' and <= '~') ? value : null;
    }
}
