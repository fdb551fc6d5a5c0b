using System.Diagnostics;

namespace CityEServices.Messaging;

/// <summary>The relay's and the inbox's spans; ServiceDefaults listens to "CityEServices.*".</summary>
internal static class MessagingTelemetry
{
    public const string SourceName = "CityEServices.Messaging";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// A span under <paramref name="parent"/>. When nothing samples this source the trace must still
    /// carry on (into MassTransit's headers, into the consumer's logs), so an unrecorded Activity with
    /// the same parent stands in.
    /// </summary>
    public static Activity? Start(string name, ActivityKind kind, ActivityContext parent)
    {
        var activity = Source.StartActivity(name, kind, parent);
        if (activity is not null || parent == default)
        {
            return activity;
        }

        var standIn = new Activity(name);
        standIn.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        return standIn.Start();
    }
}
