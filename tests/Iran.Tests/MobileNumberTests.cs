namespace CityEServices.Iran.Tests;

public class MobileNumberTests
{
    [Theory]
    [InlineData("09121234567")]
    [InlineData("9121234567")]
    [InlineData("989121234567")]
    [InlineData("+989121234567")]
    [InlineData("00989121234567")]
    [InlineData("0912 123 4567")]
    [InlineData("0912-123-4567")]
    [InlineData("+98 912 123 4567")]
    [InlineData("0098-912-123-4567")]
    [InlineData("۰۹۱۲۱۲۳۴۵۶۷")]
    [InlineData("٠٩١٢١٢٣٤٥٦٧")]
    [InlineData("+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷")]
    [InlineData(" 09121234567 ")]
    public void Every_prefix_form_becomes_e164(string input)
    {
        Assert.True(MobileNumber.TryParse(input, out var mobile, out var error), error);
        Assert.Equal("+989121234567", mobile.Value);
        Assert.Equal("+989121234567", mobile.ToString());
        Assert.Equal("09121234567", mobile.Local);
    }

    [Theory]
    [InlineData("08121234567")]       // not a mobile range
    [InlineData("0912123456")]        // one digit short
    [InlineData("091212345678")]      // one digit long
    [InlineData("912123456")]
    [InlineData("+09121234567")]      // + only before 98
    [InlineData("+9121234567")]
    [InlineData("+00989121234567")]
    [InlineData("19121234567")]
    [InlineData("9989121234567")]
    [InlineData("0989121234567")]
    [InlineData("989")]
    public void Wrong_shapes_are_rejected(string input) =>
        Assert.Contains("9 followed by nine digits", MobileNumber.Validate(input));

    [Theory]
    [InlineData("0912123456a")]
    [InlineData("0912.123.4567")]
    [InlineData("++989121234567")]
    [InlineData("+")]
    [InlineData("(0912)1234567")]
    public void Non_digits_are_rejected(string input) =>
        Assert.Contains("only digits", MobileNumber.Validate(input));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Missing_is_rejected(string? input) =>
        Assert.Contains("required", MobileNumber.Validate(input));

    [Fact]
    public void Default_has_empty_forms()
    {
        Assert.Equal(string.Empty, default(MobileNumber).Value);
        Assert.Equal(string.Empty, default(MobileNumber).Local);
    }

    [Fact]
    public void Parse_throws_format_exception() => Assert.Throws<FormatException>(() => MobileNumber.Parse("0812"));
}
