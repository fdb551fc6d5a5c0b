namespace CityEServices.Property.IntegrationTests.Infrastructure;

/// <summary>
/// A clock whose date the test chooses and moves (<see cref="Advance"/>), while timers and stopwatches
/// (<see cref="TimeProvider.CreateTimer"/>, <see cref="TimeProvider.GetTimestamp"/>) keep running in real
/// time: the outbox relay, the cache and the token checks behave as in production, and only what the
/// registry stamps and decides by date (registration and change instants, "as of" in the future) sees
/// the chosen instant. The same clock as urban planning's tests (a test project references no other).
/// </summary>
public sealed class PinnedClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _utcTicks, by.Ticks);
    }
}
