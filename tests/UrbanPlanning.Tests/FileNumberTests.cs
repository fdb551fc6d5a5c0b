using CityEServices.UrbanPlanning.Domain;

namespace CityEServices.UrbanPlanning.Tests;

public class FileNumberTests
{
    [Theory]
    [InlineData(22, 1840320, "22001840320")]
    [InlineData(1, 1, "01000000001")]
    [InlineData(9, 999_999_999, "09999999999")]
    public void Formats_as_two_digit_district_and_nine_digit_sequence(int district, long sequence, string expected)
    {
        var number = new FileNumber(district, sequence);

        Assert.Equal(expected, number.ToString());
        Assert.Equal(FileNumber.Length, number.ToString().Length);
    }

    [Theory]
    [InlineData("22001840320", 22, 1840320)]
    [InlineData("01000000001", 1, 1)]
    [InlineData(" 14000000123 ", 14, 123)]
    [InlineData("۲۲۰۰۱۸۴۰۳۲۰", 22, 1840320)] // Persian digits, as typed on a Persian keyboard
    [InlineData("٠٥٠٠٠٠٠٠٠٠٧", 5, 7)] // Arabic-Indic digits
    public void Parses_district_and_sequence(string input, int district, long sequence)
    {
        Assert.True(FileNumber.TryParse(input, out var number, out var error), error);

        Assert.Equal(district, number.District);
        Assert.Equal(sequence, number.Sequence);
    }

    [Theory]
    [InlineData("22001840320")]
    [InlineData("01000000001")]
    [InlineData("22999999999")]
    public void Round_trips(string text) => Assert.Equal(text, FileNumber.Parse(text).ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2200184032")] // 10 digits
    [InlineData("220018403201")] // 12 digits
    [InlineData("00001840320")] // district 00
    [InlineData("23001840320")] // district 23
    [InlineData("99001840320")]
    [InlineData("22000000000")] // sequence 0
    [InlineData("22-01840320")]
    [InlineData("2200184032a")]
    [InlineData("+2001840320")]
    public void Rejects_malformed_numbers(string? input)
    {
        Assert.False(FileNumber.TryParse(input, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(23, 1)]
    [InlineData(5, 0)]
    [InlineData(5, 1_000_000_000)]
    public void Cannot_be_built_outside_its_range(int district, long sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FileNumber(district, sequence));

    [Fact]
    public void Numbers_of_one_district_sort_in_sequence_order()
    {
        var texts = new[] { 10L, 9, 1_000, 999_999_999, 1 }.Select(s => new FileNumber(7, s).ToString()).ToList();

        var sorted = texts.Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["07000000001", "07000000009", "07000000010", "07000001000", "07999999999"], sorted);
    }
}
