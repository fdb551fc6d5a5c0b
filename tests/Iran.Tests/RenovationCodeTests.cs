using System.Text.Json;

namespace CityEServices.Iran.Tests;

public class RenovationCodeTests
{
    [Theory]
    [InlineData("6-12-104-7-0-0-0", "6-12-104-7-0-0-0", 6)]
    [InlineData("06-012-0104-07-0-0-0", "6-12-104-7-0-0-0", 6)]
    [InlineData("22-1-1-1-3-12-0", "22-1-1-1-3-12-0", 22)]
    [InlineData("1-0-0-0-0-0-0", "1-0-0-0-0-0-0", 1)]
    [InlineData("۱۴-۲۳۴-۱۲-۵-۰-۰-۰", "14-234-12-5-0-0-0", 14)]
    [InlineData(" 3-120-5-10-1-0-0 ", "3-120-5-10-1-0-0", 3)]
    public void Parses_to_canonical_form_with_district(string input, string canonical, int district)
    {
        Assert.True(RenovationCode.TryParse(input, out var code, out var error), error);
        Assert.Equal(canonical, code.Value);
        Assert.Equal(district, code.District);
    }

    [Fact]
    public void Names_every_segment()
    {
        var code = RenovationCode.Parse("6-12-104-7-2-15-3");
        Assert.Equal((6, 12, 104, 7, 2, 15, 3), (code.District, code.Zone, code.Block, code.Parcel, code.Building, code.Apartment, code.Shop));
    }

    [Fact]
    public void Same_property_written_two_ways_is_equal()
    {
        Assert.Equal(RenovationCode.Parse("06-012-104-7-0-0-0"), RenovationCode.Parse("6-12-104-7-0-0-0"));
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("6-12-104-7-0-0", "seven numeric segments")]
    [InlineData("6-12-104-7-0-0-0-0", "seven numeric segments")]
    [InlineData("6/12/104/7/0/0/0", "seven numeric segments")]
    [InlineData("6-12-1a4-7-0-0-0", "segment 3 (block)")]
    [InlineData("6--104-7-0-0-0", "segment 2 (zone)")]
    [InlineData("6-12-104-7-0-0-+1", "segment 7 (shop)")]
    [InlineData("6-12-104-7-0-0-1234567890", "segment 7 (shop)")]
    [InlineData("0-12-104-7-0-0-0", "district and must be 1 to 22; got 0")]
    [InlineData("23-12-104-7-0-0-0", "district and must be 1 to 22; got 23")]
    public void Rejects_with_a_reason(string? input, string reasonFragment)
    {
        Assert.False(RenovationCode.TryParse(input, out _, out var error));
        Assert.Contains(reasonFragment, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Json_round_trips_the_canonical_form()
    {
        var code = JsonSerializer.Deserialize<RenovationCode>("\"06-12-104-7-0-0-0\"");
        Assert.Equal("\"6-12-104-7-0-0-0\"", JsonSerializer.Serialize(code));
    }
}
