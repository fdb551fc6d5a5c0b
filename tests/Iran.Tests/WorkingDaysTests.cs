using System.Globalization;

namespace CityEServices.Iran.Tests;

/// <summary>Working days by the official table, on fixed dates (Tehran is +03:30 all year).</summary>
public class WorkingDaysTests
{
    private static readonly WorkingCalendar Official = WorkingCalendar.Official;

    /// <summary>A Solar Hijri date and Tehran wall-clock time as an instant.</summary>
    private static DateTimeOffset Tehran(string solarDate, int hour = 10, int minute = 0) =>
        new(SolarHijri.ParseDate(solarDate).ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(3.5));

    [Theory]
    [InlineData("1404/12/27", true)]  // Wednesday
    [InlineData("1404/12/28", true)]  // Thursday: a working day
    [InlineData("1404/12/22", false)] // Friday
    [InlineData("1404/12/29", false)] // oil nationalisation (and a Friday)
    [InlineData("1405/01/01", false)] // Nowruz and Eid al-Fitr
    [InlineData("1405/01/04", false)] // Nowruz
    [InlineData("1405/01/05", true)]
    [InlineData("1405/01/12", false)] // Islamic Republic Day
    [InlineData("1405/01/13", false)] // Nature Day
    [InlineData("1405/04/03", false)] // Tasua
    [InlineData("1405/04/04", false)] // Ashura
    [InlineData("1404/10/13", false)] // birth of Imam Ali
    [InlineData("1404/10/27", false)] // Mab'ath
    [InlineData("1410/11/22", false)] // a fixed solar holiday long after the lunar table ends
    [InlineData("1410/11/23", true)]
    public void Fridays_and_official_holidays_are_not_working_days(string solarDate, bool working) =>
        Assert.Equal(working, Official.IsWorkingDay(SolarHijri.ParseDate(solarDate)));

    [Fact]
    public void A_request_due_on_the_thursday_before_nowruz_is_due_that_thursday_and_one_day_more_lands_after_the_holidays()
    {
        // Submitted Saturday 1404/12/23 at 10:00 with 5 working days: Sun, Mon, Tue, Wed, Thu.
        var submitted = Tehran("1404/12/23");

        Assert.Equal(Tehran("1404/12/28"), Official.Add(submitted, 5));
        Assert.Equal(DayOfWeek.Thursday, SolarHijri.ParseDate("1404/12/28").DayOfWeek);

        // A sixth day skips Friday 12/29 (also a holiday) and Nowruz 1405/01/01–04: Wednesday 1405/01/05.
        Assert.Equal(Tehran("1405/01/05"), Official.Add(submitted, 6));
        // Calendar days would have said Friday 12/29.
        Assert.NotEqual(Tehran("1405/01/05"), submitted.AddDays(6));
    }

    [Fact]
    public void A_day_added_before_tasua_and_ashura_lands_after_the_weekend()
    {
        // Tuesday 1405/04/02; Wednesday Tasua, Thursday Ashura, Friday: Saturday 04/06.
        Assert.Equal(Tehran("1405/04/06"), Official.Add(Tehran("1405/04/02"), 1));
        Assert.Equal(DayOfWeek.Saturday, SolarHijri.ParseDate("1405/04/06").DayOfWeek);
    }

    [Fact]
    public void Count_is_the_inverse_of_add_and_counts_whole_working_days()
    {
        var start = Tehran("1404/12/23");
        for (var n = 0; n <= 15; n++)
        {
            Assert.Equal(n, Official.Count(start, Official.Add(start, n)));
        }

        Assert.Equal(5, Official.Count(Tehran("1404/12/23"), Tehran("1405/01/05", 9, 59)));
        Assert.Equal(0, Official.Count(Tehran("1404/12/28", 11), Tehran("1405/01/04", 23, 59)));
        Assert.Equal(-1, Official.Count(Tehran("1404/12/28"), Tehran("1404/12/27")));
    }

    [Fact]
    public void A_clock_started_on_a_friday_counts_from_saturday_morning()
    {
        // Friday 1404/12/22 at 15:00: Saturday 12/23 is the first working day, whole, ending at midnight.
        Assert.Equal(Tehran("1404/12/24", 0), Official.Add(Tehran("1404/12/22", 15), 1));
        Assert.Equal(TimeSpan.FromHours(10), Official.WorkingTime(Tehran("1404/12/22", 15), Tehran("1404/12/23", 10)));
    }

    [Fact]
    public void Working_time_skips_fridays_and_holidays_and_adds_back_exactly()
    {
        var from = Tehran("1404/12/27", 10);
        var to = Tehran("1405/01/05", 12);
        // Wed 14h + Thu 24h + Wed 12h; Friday and Nowruz count nothing.
        Assert.Equal(TimeSpan.FromHours(50), Official.WorkingTime(from, to));
        Assert.Equal(to, Official.AddWorkingTime(from, TimeSpan.FromHours(50)));
    }

    [Fact]
    public void Configured_holidays_are_added_and_cancelled_ones_worked()
    {
        var submitted = Tehran("1404/12/23");
        var configured = Official.With([SolarHijri.ParseDate("1404/12/28")], [SolarHijri.ParseDate("1405/01/25")]);

        // A Thursday declared off (say, by the government at short notice) moves the due date past Nowruz.
        Assert.Equal(Tehran("1405/01/05"), configured.Add(submitted, 5));
        Assert.True(configured.IsWorkingDay(SolarHijri.ParseDate("1405/01/25")));
        Assert.False(Official.IsWorkingDay(SolarHijri.ParseDate("1405/01/25")));
        // The official calendar is unchanged.
        Assert.Equal(Tehran("1404/12/28"), Official.Add(submitted, 5));
    }

    [Fact]
    public void The_lunar_table_covers_1404_to_1406_with_valid_dates()
    {
        var years = IranianHolidays.Lunar.Select(h => int.Parse(h.Date[..4], CultureInfo.InvariantCulture)).Distinct().Order();
        Assert.Equal([1404, 1405, 1406], years);
        Assert.All(IranianHolidays.Lunar, h => Assert.True(SolarHijri.TryParseDate(h.Date, out _), h.Date));
        // About 15 lunar holidays a year: a year with far fewer lost some rows.
        Assert.All(IranianHolidays.Lunar.GroupBy(h => h.Date[..4]), year => Assert.InRange(year.Count(), 15, 19));
    }
}
