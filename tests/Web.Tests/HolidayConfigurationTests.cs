using CityEServices.Iran;
using CityEServices.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace CityEServices.Web.Tests;

/// <summary>
/// Iran:Holidays reaches every service through the shared start-up: a day the government declares off
/// stops counting, a published holiday that was cancelled counts again, and a malformed date stops start-up.
/// </summary>
[Collection(Name)]
public sealed class HolidayConfigurationTests : IDisposable
{
    // The working calendar is process-wide: these tests change it, so none runs beside another that reads it.
    public const string Name = "working calendar";

    private static readonly DateOnly Declared = SolarHijri.ParseDate("1407/01/20");
    private static readonly DateOnly Nowruz = SolarHijri.ParseDate("1405/01/01");

    [Fact]
    public void A_service_started_through_the_shared_host_counts_the_configured_holidays()
    {
        Assert.True(WorkingCalendar.Official.IsWorkingDay(Declared) && !WorkingCalendar.Official.IsWorkingDay(Nowruz), "the dates no longer test what they should");

        Start(("Iran:Holidays:Additional:0", "1407/01/20"), ("Iran:Holidays:Cancelled:0", "1405/01/01"));

        Assert.False(WorkingCalendar.Current.IsWorkingDay(Declared));
        Assert.True(WorkingCalendar.Current.IsWorkingDay(Nowruz));
    }

    [Fact]
    public void A_date_that_is_not_Solar_Hijri_stops_start_up_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Start(("Iran:Holidays:Additional:0", "1405/13/01")));

        Assert.Contains("Iran:Holidays:Additional:0", error.Message, StringComparison.Ordinal);
        Assert.Same(WorkingCalendar.Official, WorkingCalendar.Current);
    }

    public void Dispose() => WorkingCalendar.Current = WorkingCalendar.Official;

    private static void Start(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))
            .Append(KeyValuePair.Create("Identity:Url", (string?)"http://identity.test")));
        builder.AddCityService();
    }
}

[CollectionDefinition(HolidayConfigurationTests.Name, DisableParallelization = true)]
public sealed class WorkingCalendarCollection;
