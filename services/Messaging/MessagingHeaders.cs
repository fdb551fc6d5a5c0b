namespace CityEServices.Messaging;

public static class MessagingHeaders
{
    public const string CorrelationId = "X-Correlation-ID";

    /// <summary>
    /// The header MassTransit 8 carries the W3C trace parent in. Its own send activity overwrites it;
    /// the relay sets it too, so the trace crosses the broker even when no listener samples MassTransit.
    /// </summary>
    public const string TraceParent = "MT-Activity-Id";
}
