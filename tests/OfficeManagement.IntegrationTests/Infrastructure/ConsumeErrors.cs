using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

/// <summary>
/// Every consume attempt that threw, as MassTransit's own metric counts them, including the attempts its
/// retry then got right: a consume observer cannot tell, the retry filter shows it only the last attempt.
/// The meter is process-wide, so listen only while a test's own consumers run (tests of this assembly
/// run one at a time).
/// </summary>
public sealed class ConsumeErrors : IDisposable
{
    private const string Instrument = "messaging.masstransit.consume.errors";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string> _errors = new();

    public ConsumeErrors()
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
            if (instrument.Name != Instrument)
            {
                return;
            }

            var described = string.Join(" ", tags.ToArray()
                .Where(tag => tag.Key is "messaging.masstransit.consumer_type" or "messaging.masstransit.exception_type")
                .Select(tag => tag.Value));
            for (var i = 0; i < value; i++)
            {
                _errors.Enqueue(described);
            }
        });
        _listener.Start();
    }

    public IReadOnlyCollection<string> All => _errors.ToArray();

    public void Dispose() => _listener.Dispose();
}
