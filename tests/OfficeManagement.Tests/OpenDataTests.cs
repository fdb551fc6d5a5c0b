using CityEServices.Iran;
using CityEServices.OfficeManagement.Features.OpenData;

namespace CityEServices.OfficeManagement.Tests;

public class OpenDataTests
{
    private static readonly DateTimeOffset Tuesday = new(2025, 9, 23, 5, 30, 0, TimeSpan.Zero); // 1404/07/01 09:00 Tehran

    [Theory]
    [InlineData("1404/01", 1404, 1)]
    [InlineData(" 1404/12 ", 1404, 12)]
    [InlineData("۱۴۰۴/۰۹", 1404, 9)]
    public void A_month_reads_as_yyyy_MM(string text, int year, int month)
    {
        Assert.True(SolarMonth.TryParse(text, out var parsed));
        Assert.Equal(new SolarMonth(year, month), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1404/1")]
    [InlineData("1404/13")]
    [InlineData("1404/00")]
    [InlineData("1404-01")]
    [InlineData("1404/01/01")]
    [InlineData("14a4/01")]
    public void Anything_else_is_not_a_month(string? text) => Assert.False(SolarMonth.TryParse(text, out _));

    [Fact]
    public void A_month_starts_at_Tehran_midnight_and_ranges_count_both_ends()
    {
        // 1404/07/01 is 2025-09-23; Tehran is +03:30.
        Assert.Equal(new DateTimeOffset(2025, 9, 22, 20, 30, 0, TimeSpan.Zero), new SolarMonth(1404, 7).Start);
        Assert.Equal(new SolarMonth(1405, 1), new SolarMonth(1404, 12).Next);
        Assert.Equal(24, new SolarMonth(1401, 1).MonthsThrough(new SolarMonth(1402, 12)));
        Assert.Equal(1, new SolarMonth(1404, 7).MonthsThrough(new SolarMonth(1404, 7)));
        Assert.True(new SolarMonth(1404, 12) < new SolarMonth(1405, 1));
    }

    [Fact]
    public void Percentiles_interpolate_like_percentile_cont()
    {
        Assert.Null(PerformanceMeasures.Percentile([], 0.5));
        Assert.Equal(2, PerformanceMeasures.Percentile([2], 0.9));
        Assert.Equal(2.5, PerformanceMeasures.Percentile([1, 2, 3, 4], 0.5));
        Assert.Equal(3.7, PerformanceMeasures.Percentile([1, 2, 3, 4], 0.9));
    }

    [Fact]
    public void Turnaround_is_in_working_days_and_rates_are_shares_of_the_requests()
    {
        // Thursday 09:00 to Saturday 09:00 is one working day (Friday is off).
        var thursday = Tuesday.AddDays(2);
        var requests = new List<MeasuredRequest>
        {
            new("A", "X", thursday, thursday.AddDays(2), SlaBreached: false, ReturnedForMissingDocuments: false, FeePaidRial: 4_000_000m),
            new("A", "X", Tuesday, Tuesday.AddHours(12), SlaBreached: false, ReturnedForMissingDocuments: true, FeePaidRial: 2_500_000m),
            new("A", "X", Tuesday, null, SlaBreached: true, ReturnedForMissingDocuments: false),
            new("A", "X", Tuesday, null, SlaBreached: false, ReturnedForMissingDocuments: false),
            new("A", "X", Tuesday, null, SlaBreached: false, ReturnedForMissingDocuments: false),
        };

        var row = PerformanceMeasures.Measure("A", null, requests, WorkingCalendar.Official);

        Assert.False(row.Suppressed);
        Assert.Equal(5, row.Requests);
        Assert.Equal(2, row.Issued);
        Assert.Equal(0.75, row.MedianTurnaroundWorkingDays);
        Assert.Equal(0.95, row.P90TurnaroundWorkingDays);
        Assert.Equal(0.8m, row.SlaCompliance);
        Assert.Equal(0.8m, row.FirstTimeRightRate);
        Assert.Equal(6_500_000m, row.FeesCollectedRial);
        Assert.True(PerformanceMeasures.Measure("A", null, requests[..4], WorkingCalendar.Official).Suppressed);
    }

    [Fact]
    public void Small_groups_are_suppressed_and_so_is_the_next_smallest_when_they_hold_fewer_than_five_together()
    {
        var rows = PerformanceMeasures.MeasureGroups([Group("A", 7), Group("B", 2), Group("C", 5), Group("D", 6)], WorkingCalendar.Official);
        Assert.Equal([false, true, true, false], rows.Select(r => r.Suppressed));

        // Small groups already holding five together need no company; one alone at five or more is published.
        rows = PerformanceMeasures.MeasureGroups([Group("A", 7), Group("B", 2), Group("C", 3)], WorkingCalendar.Official);
        Assert.Equal([false, true, true], rows.Select(r => r.Suppressed));
        rows = PerformanceMeasures.MeasureGroups([Group("A", 5)], WorkingCalendar.Official);
        Assert.Equal([false], rows.Select(r => r.Suppressed));
    }

    private static (string, string?, IReadOnlyCollection<MeasuredRequest>) Group(string key, int size) =>
        (key, null, [.. Enumerable.Range(0, size).Select(_ => new MeasuredRequest(key, "X", Tuesday, null, false, false))]);
}
