namespace CityEServices.Iran.Tests;

public class SolarHijriTests
{
    [Theory]
    [InlineData("2025-11-29T11:00:00Z", "1404/09/08 14:30")]
    [InlineData("2025-03-20T20:30:00Z", "1404/01/01 00:00")] // Nowruz 1404 at Tehran midnight
    [InlineData("2025-03-20T20:29:00Z", "1403/12/30 23:59")] // 1403 is a leap year: 30 Esfand exists
    [InlineData("2024-03-19T20:30:00Z", "1403/01/01 00:00")]
    [InlineData("2023-07-01T12:00:00Z", "1402/04/10 15:30")] // summer after 2022: no DST, +03:30
    [InlineData("2021-07-01T12:00:00Z", "1400/04/10 16:30")] // summer before 2022: DST, +04:30
    [InlineData("2025-11-29T14:30:00+03:30", "1404/09/08 14:30")] // any offset names the same instant
    [InlineData("2025-11-29T06:30:00-01:00", "1404/09/08 11:00")]
    public void Format_renders_tehran_wall_clock_in_solar_hijri(string instant, string expected) =>
        Assert.Equal(expected, SolarHijri.Format(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2025-11-29T11:00:00Z", "1404/09/08")]
    [InlineData("2025-11-29T20:29:00Z", "1404/09/08")]
    [InlineData("2025-11-29T20:30:00Z", "1404/09/09")] // already tomorrow in Tehran
    public void FormatDate_uses_the_tehran_date(string instant, string expected) =>
        Assert.Equal(expected, SolarHijri.FormatDate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2025, 3, 21, "1404/01/01")]
    [InlineData(2025, 3, 20, "1403/12/30")]
    [InlineData(2024, 3, 20, "1403/01/01")]
    [InlineData(2025, 11, 29, "1404/09/08")]
    [InlineData(2026, 3, 20, "1404/12/29")] // 1404 is not a leap year
    [InlineData(2026, 3, 21, "1405/01/01")]
    public void FormatDate_converts_gregorian_dates(int year, int month, int day, string expected) =>
        Assert.Equal(expected, SolarHijri.FormatDate(new DateOnly(year, month, day)));

    [Theory]
    [InlineData("1404/01/01", 2025, 3, 21)]
    [InlineData("1404/09/08", 2025, 11, 29)]
    [InlineData("۱۴۰۴/۰۹/۰۸", 2025, 11, 29)]
    [InlineData("١٤٠٤/٠٩/٠٨", 2025, 11, 29)]
    [InlineData("1404/9/8", 2025, 11, 29)]
    [InlineData("1404-09-08", 2025, 11, 29)]
    [InlineData(" 1403/12/30 ", 2025, 3, 20)]
    [InlineData("1402/04/10", 2023, 7, 1)]
    public void TryParseDate_reads_solar_hijri_dates(string input, int year, int month, int day)
    {
        Assert.True(SolarHijri.TryParseDate(input, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("1404/12/30")] // not a leap year
    [InlineData("1404/07/31")] // second half-year months have 30 days
    [InlineData("1404/13/01")]
    [InlineData("1404/00/10")]
    [InlineData("1404/01/00")]
    [InlineData("1404/01/32")]
    [InlineData("1404/09")]
    [InlineData("14040908")]
    [InlineData("04/09/08")]
    [InlineData("1404/09/08/01")]
    [InlineData("1404/09-08")]
    [InlineData("1404/+9/08")]
    [InlineData("1404/009/08")]
    [InlineData("abcd/09/08")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseDate_rejects_malformed_or_impossible_dates(string? input) =>
        Assert.False(SolarHijri.TryParseDate(input, out _));

    [Fact]
    public void ParseDate_throws_format_exception() =>
        Assert.Throws<FormatException>(() => SolarHijri.ParseDate("1404/13/01"));

    [Theory]
    [InlineData("1404/09/08")]
    [InlineData("1403/12/30")]
    [InlineData("1399/06/31")]
    public void Parsing_then_formatting_round_trips(string jalali) =>
        Assert.Equal(jalali, SolarHijri.FormatDate(SolarHijri.ParseDate(jalali)));

    [Fact]
    public void Tehran_zone_is_three_and_a_half_hours_ahead_today() =>
        Assert.Equal(TimeSpan.FromMinutes(210), SolarHijri.Tehran.GetUtcOffset(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero)));
}
