namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>
/// A clock whose date the test chooses and moves (<see cref="Advance"/>), while timers and stopwatches
/// (<see cref="TimeProvider.CreateTimer"/>, <see cref="TimeProvider.GetTimestamp"/>) keep running in real
/// time: the service's infrastructure (resilience timeouts, polling, periodic refreshes) behaves as in
/// production, and only what the service decides by date sees the chosen day.
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
