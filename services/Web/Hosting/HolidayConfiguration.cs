using CityEServices.Iran;

namespace CityEServices.Web.Hosting;

/// <summary>
/// Iran:Holidays: the holidays the published table lacks or got wrong, as Solar Hijri dates
/// (<c>Iran:Holidays:Additional:0 = 1407/01/20</c>, <c>Iran:Holidays:Cancelled:0 = …</c>): later years'
/// lunar holidays, or a day off the government declares at short notice, without a release. Read by the
/// shared start-up, so every service that counts working days (urban planning's SLA clocks, office
/// management's open-data turnarounds) counts the same ones.
/// </summary>
public static class HolidayConfiguration
{
    public const string SectionName = "Iran:Holidays";

    public static IHostApplicationBuilder UseConfiguredHolidays(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        var additional = Dates(section.GetSection("Additional"));
        var cancelled = Dates(section.GetSection("Cancelled"));
        if (additional.Count > 0 || cancelled.Count > 0)
        {
            WorkingCalendar.Current = WorkingCalendar.Official.With(additional, cancelled);
        }

        return builder;
    }

    private static List<DateOnly> Dates(IConfigurationSection section) =>
        [.. section.GetChildren().Select(c => SolarHijri.TryParseDate(c.Value, out var date)
            ? date
            : throw new InvalidOperationException($"{c.Path} must be a Solar Hijri date such as 1405/01/20; got '{c.Value}'."))];
}
