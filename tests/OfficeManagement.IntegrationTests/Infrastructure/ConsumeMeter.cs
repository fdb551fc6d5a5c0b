using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

/// <summary>
/// Every finished consume attempt, and every one that threw, as MassTransit's own metrics count them,
/// including the attempts its retry then got right: a consume observer cannot tell, the retry filter shows
/// it only the last attempt. A redelivered event the inbox ignores is a consume too, so a test can wait
/// until every copy it published has been handled instead of sleeping. Finished, not started: MassTransit
/// adds to its consume counter when a consume begins, before the consumer's transaction commits, so a
/// test that waited on that counter read the inbox while most of its work was still in flight. The meter is process-wide, so listen
/// only while a test's own consumers run (tests of this assembly run one at a time).
/// </summary>
public sealed class ConsumeMeter : IDisposable
{
    // Recorded when a consume ends, whether it committed or threw.
    private const string FinishedInstrument = "messaging.masstransit.consume.duration";
    private const string ErrorInstrument = "messaging.masstransit.consume.errors";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string> _consumed = new();
    private readonly ConcurrentQueue<string> _errors = new();

    public ConsumeMeter()
    {
        // All of MassTransit's instruments: it records a consume's error only when its consume counter is listened to.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "MassTransit")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == ErrorInstrument)
            {
                for (var i = 0; i < value; i++)
                {
                    _errors.Enqueue(Describe(tags));
                }
            }
        });
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
        {
            if (instrument.Name == FinishedInstrument)
            {
                _consumed.Enqueue(Describe(tags));
            }
        });
        _listener.Start();
    }

    /// <summary>Every finished consume attempt, described by its consumer type.</summary>
    public IReadOnlyCollection<string> Consumed => _consumed.ToArray();

    /// <summary>Every consume attempt that threw, described by its consumer and exception types.</summary>
    public IReadOnlyCollection<string> Errors => _errors.ToArray();

    public void Dispose() => _listener.Dispose();

    private static string Describe(ReadOnlySpan<KeyValuePair<string, object?>> tags) => string.Join(" ", tags.ToArray()
        .Where(tag => tag.Key is "messaging.masstransit.consumer_type" or "messaging.masstransit.exception_type")
        .Select(tag => tag.Value));
}
