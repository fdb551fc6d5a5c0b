using System.Collections.Frozen;

namespace CityEServices.Iran;

/// <summary>
/// Iranian working days in Tehran time: every day but Fridays and official holidays. Time is counted in
/// working time, so a span that starts or ends inside a day counts that part of it: adding one working
/// day to Wednesday 10:00 gives Thursday 10:00, and to Thursday 10:00 gives Saturday 10:00 (Friday does
/// not count). A day is a Tehran calendar day, midnight to midnight (Iran has kept +03:30 all year since 2022).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly FrozenSet<DateOnly> _holidays;

    public WorkingCalendar(IEnumerable<DateOnly> holidays) => _holidays = holidays.ToFrozenSet();

    /// <summary>The published table (<see cref="IranianHolidays"/>) with Fridays off.</summary>
    public static WorkingCalendar Official { get; } = new(IranianHolidays.Published());

    /// <summary>
    /// The calendar this process counts SLA clocks by: <see cref="Official"/> unless the host configured
    /// more (<see cref="With"/>). Process-wide on purpose, like the time zone database: a request's
    /// due date is read in entities and response records that no container reaches.
    /// </summary>
    public static WorkingCalendar Current { get; set; } = Official;

    public IReadOnlySet<DateOnly> Holidays => _holidays;

    /// <summary>This calendar with <paramref name="additional"/> dates off too and <paramref name="cancelled"/> ones worked after all.</summary>
    public WorkingCalendar With(IEnumerable<DateOnly> additional, IEnumerable<DateOnly> cancelled) =>
        new(_holidays.Union(additional).Except(cancelled));

    public bool IsWorkingDay(DateOnly tehranDate) => tehranDate.DayOfWeek != DayOfWeek.Friday && !_holidays.Contains(tehranDate);

    /// <summary>The instant <paramref name="days"/> whole working days after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return AddWorkingTime(start, TimeSpan.FromDays(days));
    }

    /// <summary>
    /// Working days from <paramref name="from"/> to <paramref name="to"/>, whole days only (rounded
    /// down); negative when <paramref name="to"/> is earlier. <c>Count(s, Add(s, n)) == n</c>.
    /// </summary>
    public int Count(DateTimeOffset from, DateTimeOffset to) =>
        to >= from ? (int)(WorkingTime(from, to).Ticks / TimeSpan.TicksPerDay) : -(int)(WorkingTime(to, from).Ticks / TimeSpan.TicksPerDay);

    /// <summary>How much of [<paramref name="from"/>, <paramref name="to"/>) falls on working days.</summary>
    public TimeSpan WorkingTime(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var cursor = from;
        while (cursor < to)
        {
            var (date, dayEnd) = DayOf(cursor);
            var end = dayEnd < to ? dayEnd : to;
            if (IsWorkingDay(date))
            {
                total += end - cursor;
            }

            cursor = end;
        }

        return total;
    }

    /// <summary>The instant at which <paramref name="working"/> working time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan working)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(working, TimeSpan.Zero);
        var cursor = start;
        var left = working;
        // No year has more than a month off in a row; this bound only stops a calendar configured with every day off.
        for (var guard = 0; guard < 100_000; guard++)
        {
            var (date, dayEnd) = DayOf(cursor);
            if (IsWorkingDay(date))
            {
                var available = dayEnd - cursor;
                if (left <= available)
                {
                    return cursor + left;
                }

                left -= available;
            }

            cursor = dayEnd;
        }

        throw new InvalidOperationException("The calendar has no working days left to count.");
    }

    /// <summary>The Tehran date of <paramref name="instant"/> and the instant that date ends (the next Tehran midnight).</summary>
    private static (DateOnly Date, DateTimeOffset End) DayOf(DateTimeOffset instant)
    {
        var local = SolarHijri.ToTehranTime(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var nextMidnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var offset = SolarHijri.Tehran.GetUtcOffset(nextMidnight);
        return (date, new DateTimeOffset(nextMidnight, offset).ToUniversalTime());
    }
}

/// <summary>Working days by <see cref="WorkingCalendar.Current"/>: Fridays and official holidays off, Tehran time.</summary>
public static class WorkingDays
{
    public static DateTimeOffset Add(DateTimeOffset start, int days) => WorkingCalendar.Current.Add(start, days);

    public static int Count(DateTimeOffset from, DateTimeOffset to) => WorkingCalendar.Current.Count(from, to);

    public static bool IsWorkingDay(DateOnly tehranDate) => WorkingCalendar.Current.IsWorkingDay(tehranDate);
}
