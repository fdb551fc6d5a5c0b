namespace CityEServices.Iran.Tests;

public class LegalEntityIdTests
{
    [Theory]
    [InlineData("10380284790", "10380284790")]
    [InlineData("14100000004", "14100000004")]
    [InlineData("14000000080", "14000000080")] // remainder 10 maps to check digit 0
    [InlineData("۱۰۳۸۰۲۸۴۷۹۰", "10380284790")]
    [InlineData("١٠٣٨٠٢٨٤٧٩٠", "10380284790")]
    [InlineData(" 10380284790\n", "10380284790")]
    public void Valid_ids_parse_to_canonical_form(string input, string expected)
    {
        Assert.True(LegalEntityId.TryParse(input, out var id, out var error), error);
        Assert.Equal(expected, id.ToString());
        Assert.Null(LegalEntityId.Validate(input));
    }

    [Theory]
    [InlineData("10380284791", "check digit")]
    [InlineData("14000000081", "check digit")]
    [InlineData("20380284790", "check digit")]
    [InlineData("۱۰۳۸۰۲۸۴۷۹۱", "check digit")]
    [InlineData("00000000000", "all zeros")]
    [InlineData("۰۰۰۰۰۰۰۰۰۰۰", "all zeros")]
    [InlineData("1038028479", "11 digits")]      // no padding for organisations
    [InlineData("103802847900", "11 digits")]
    [InlineData("1038028479a", "only digits")]
    [InlineData("10380-284790", "only digits")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void Invalid_ids_say_why(string? input, string reason) =>
        Assert.Contains(reason, LegalEntityId.Validate(input));

    [Fact]
    public void Parse_throws_format_exception() =>
        Assert.Throws<FormatException>(() => LegalEntityId.Parse("10380284791"));

    [Fact]
    public void IParsable_accepts_persian_digits() =>
        Assert.Equal("10380284790", Parsing.Parse<LegalEntityId>("۱۰۳۸۰۲۸۴۷۹۰").Value);
}
