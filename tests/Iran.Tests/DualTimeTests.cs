using System.Text.Json;

namespace CityEServices.Iran.Tests;

public class DualTimeTests
{
    [Fact]
    public void From_normalises_to_utc_and_renders_jalali()
    {
        var time = DualTime.From(new DateTimeOffset(2025, 11, 29, 14, 30, 0, TimeSpan.FromHours(3.5)));

        Assert.Equal(new DateTimeOffset(2025, 11, 29, 11, 0, 0, TimeSpan.Zero), time.Utc);
        Assert.Equal(TimeSpan.Zero, time.Utc.Offset);
        Assert.Equal("1404/09/08 14:30", time.Jalali);
    }

    [Fact]
    public void Serialises_with_camel_case_names_even_without_web_defaults()
    {
        var json = JsonSerializer.Serialize(DualTime.From(new DateTimeOffset(2025, 11, 29, 11, 0, 0, TimeSpan.Zero)));

        Assert.Equal("""{"utc":"2025-11-29T11:00:00+00:00","jalali":"1404/09/08 14:30"}""", json);
    }
}
