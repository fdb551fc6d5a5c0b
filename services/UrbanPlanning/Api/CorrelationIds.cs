using CityEServices.Messaging;

namespace CityEServices.UrbanPlanning.Api;

internal static class CorrelationIds
{
    /// <summary>Matches the outbox column; a longer or odd header is dropped rather than failing the request.</summary>
    private const int MaxLength = 128;

    public static string? From(HttpRequest request)
    {
        var value = request.Headers[MessagingHeaders.CorrelationId].ToString().Trim();
        return value.Length is > 0 and <= MaxLength && value.All(c => c is >= '!' and <= '~') ? value : null;
    }
}
