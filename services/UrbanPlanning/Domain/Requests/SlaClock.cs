namespace CityEServices.UrbanPlanning.Domain.Requests;

/// <summary>
/// A request's service-level clock, in Iranian working days (Fridays and official holidays do not count,
/// Tehran time: <see cref="WorkingCalendar"/>). It starts when the request is first Submitted (a request
/// waiting for the citizen's documents is not yet the municipality's to answer), pauses while the
/// request waits on the citizen again (Returned, or AwaitingDocuments after submission), and stops for
/// good when the request is Issued or Rejected. Paused time is kept as working time, so the due date
/// moves on by exactly the working days the citizen took. Breached means closed after, or still open
/// past, the due date.
/// </summary>
public sealed record SlaClock(
    int SlaDays,
    DateTimeOffset? StartedAt,
    TimeSpan Paused,
    DateTimeOffset? PausedSince,
    DateTimeOffset? StoppedAt)
{
    /// <summary>The working calendar the clock counts by (the process's configured one unless a test gives another).</summary>
    public WorkingCalendar Calendar { get; init; } = WorkingCalendar.Current;

    public static SlaClock New(int slaDays) => new(slaDays, null, TimeSpan.Zero, null, null);

    /// <summary>Whether a request in <paramref name="status"/> waits on the citizen, so its clock does not run.</summary>
    public static bool WaitsOnCitizen(RequestStatus status) => status is RequestStatus.Returned or RequestStatus.AwaitingDocuments;

    public bool IsPaused => PausedSince is not null && StoppedAt is null;

    /// <summary>The due date as of <paramref name="now"/> (it moves on while the clock is paused); null before submission.</summary>
    public DateTimeOffset? DueAt(DateTimeOffset now)
    {
        if (StartedAt is not { } started)
        {
            return null;
        }

        var pausedNow = PausedSince is { } since ? Calendar.WorkingTime(since, StoppedAt ?? now) : TimeSpan.Zero;
        return Calendar.AddWorkingTime(started, TimeSpan.FromDays(SlaDays) + Paused + pausedNow);
    }

    public bool IsBreached(DateTimeOffset now) =>
        DueAt(now) is { } due && (StoppedAt ?? now) > due;

    /// <summary>Whole working days from <paramref name="now"/> to the due date (negative once past it); null before submission.</summary>
    public int? WorkingDaysLeft(DateTimeOffset now) =>
        DueAt(now) is { } due ? Calendar.Count(StoppedAt ?? now, due) : null;

    /// <summary>The clock after the request moved from <paramref name="from"/> to <paramref name="to"/> at <paramref name="at"/>.</summary>
    public SlaClock Moved(RequestStatus from, RequestStatus to, DateTimeOffset at)
    {
        var clock = this;
        if (WaitsOnCitizen(from) && clock.PausedSince is { } since)
        {
            clock = clock with { Paused = clock.Paused + Calendar.WorkingTime(since, at), PausedSince = null };
        }

        if (to == RequestStatus.Submitted && clock.StartedAt is null)
        {
            clock = clock with { StartedAt = at };
        }

        // Only a running clock pauses: before submission there is nothing to pause.
        if (WaitsOnCitizen(to) && clock.StartedAt is not null)
        {
            clock = clock with { PausedSince = at };
        }

        if (RequestWorkflow.IsFinal(to))
        {
            clock = clock with { StoppedAt = at };
        }

        return clock;
    }
}
