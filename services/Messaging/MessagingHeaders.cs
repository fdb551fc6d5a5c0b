namespace CityEServices.Messaging;

public static class MessagingHeaders
{
    public const string CorrelationId = "X-Correlation-ID";
}
