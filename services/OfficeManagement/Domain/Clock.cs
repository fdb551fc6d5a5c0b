namespace CityEServices.OfficeManagement.Domain;

public static class Clock
{
    /// <summary>
    /// Now, cut to the microsecond PostgreSQL stores, so the instant a response reports on write is the
    /// instant every later read returns (and attempts order the same in memory as in the database).
    /// </summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
