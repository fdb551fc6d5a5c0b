namespace CityEServices.Iran.Tests;

public class PostalCodeTests
{
    [Theory]
    [InlineData("1234567890", "1234567890")]
    [InlineData("12345-67890", "1234567890")]
    [InlineData("۱۲۳۴۵۶۷۸۹۰", "1234567890")]
    [InlineData("۱۲۳۴۵-۶۷۸۹۰", "1234567890")]
    [InlineData("١٣١٤٥-٦٧٨٩٠", "1314567890")]
    [InlineData(" 1314567890 ", "1314567890")]
    public void Valid_codes_parse_to_ten_digits(string input, string expected)
    {
        Assert.True(PostalCode.TryParse(input, out var code, out var error), error);
        Assert.Equal(expected, code.Value);
        Assert.Equal(expected, code.ToString());
    }

    [Theory]
    [InlineData("123456789", "10 digits")]
    [InlineData("12345678901", "10 digits")]
    [InlineData("1234-56789", "only digits")]
    [InlineData("1234-567890", "only digits")]   // hyphen in the wrong place
    [InlineData("123456-7890", "only digits")]
    [InlineData("12345--67890", "only digits")]
    [InlineData("12345 67890", "only digits")]
    [InlineData("12345-6789a", "only digits")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void Invalid_codes_say_why(string? input, string reason) =>
        Assert.Contains(reason, PostalCode.Validate(input));

    [Fact]
    public void Parse_throws_format_exception() => Assert.Throws<FormatException>(() => PostalCode.Parse("12345"));

    [Fact]
    public void IParsable_accepts_persian_digits_with_hyphen() =>
        Assert.Equal("1234567890", Parsing.Parse<PostalCode>("۱۲۳۴۵-۶۷۸۹۰").Value);
}
