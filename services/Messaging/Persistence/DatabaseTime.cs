namespace CityEServices.Messaging.Persistence;

public static class DatabaseTime
{
    /// <summary>
    /// Now, cut to the microsecond PostgreSQL stores, so the instant a response reports on write is the
    /// instant every later read returns (and records order the same in memory as in the database).
    /// </summary>
    public static DateTimeOffset GetDatabaseNow(this TimeProvider time)
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
