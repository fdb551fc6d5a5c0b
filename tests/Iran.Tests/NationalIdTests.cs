namespace CityEServices.Iran.Tests;

public class NationalIdTests
{
    [Theory]
    [InlineData("0076229645")]
    [InlineData("1583250689")]
    [InlineData("1234567830")] // remainder 0: check digit is the remainder
    [InlineData("1234567891")] // remainder 1: check digit is the remainder
    [InlineData("1234567881")] // remainder 10: check digit is 11 - 10
    [InlineData("0123456789")]
    public void Valid_codes_parse_to_themselves(string input)
    {
        Assert.True(NationalId.TryParse(input, out var id, out var error), error);
        Assert.Equal(input, id.Value);
        Assert.Equal(input, id.ToString());
        Assert.Null(NationalId.Validate(input));
    }

    [Theory]
    [InlineData("76229645", "0076229645")]
    [InlineData("076229645", "0076229645")]
    [InlineData("12345679", "0012345679")]
    [InlineData("123456789", "0123456789")]
    [InlineData("۷۶۲۲۹۶۴۵", "0076229645")]
    public void Eight_or_nine_digits_are_left_padded(string input, string expected) =>
        Assert.Equal(expected, NationalId.Parse(input).Value);

    [Theory]
    [InlineData("۰۰۷۶۲۲۹۶۴۵", "0076229645")]
    [InlineData("٠٠٧٦٢٢٩٦٤٥", "0076229645")]
    [InlineData("۱۵۸۳۲۵۰۶۸۹", "1583250689")]
    [InlineData("  1583250689 ", "1583250689")]
    [InlineData("۰۰۷-۶۲۲۹۶۴-۵", "0076229645")] // as printed on the card
    [InlineData("007-622964-5", "0076229645")]
    public void Persian_and_arabic_digits_and_card_layout_are_accepted(string input, string expected) =>
        Assert.Equal(expected, NationalId.Parse(input).Value);

    public static TheoryData<string> RepeatedDigits() =>
        new(Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 10)));

    [Theory]
    [MemberData(nameof(RepeatedDigits))]
    public void One_digit_repeated_is_rejected_although_its_checksum_passes(string input) =>
        Assert.Contains("repeated", NationalId.Validate(input));

    [Theory]
    [InlineData("9999999999", "repeated")]
    [InlineData("00000000", "repeated")]          // pads to all zeros
    [InlineData("۱۱۱۱۱۱۱۱۱۱", "repeated")]
    [InlineData("0076229646", "check digit")]
    [InlineData("1583250680", "check digit")]
    [InlineData("0067229645", "check digit")]     // two digits swapped
    [InlineData("۰۰۷۶۲۲۹۶۴۶", "check digit")]
    [InlineData("1234567", "10 digits")]
    [InlineData("12345678901", "10 digits")]
    [InlineData("1", "10 digits")]
    [InlineData("00762296a5", "only digits")]
    [InlineData("0076 229645", "only digits")]
    [InlineData("0076-229645", "only digits")]   // not the card layout
    [InlineData("+076229645", "only digits")]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData(null, "required")]
    public void Invalid_codes_say_why(string? input, string reason)
    {
        Assert.False(NationalId.TryParse(input, out var id, out var error));
        Assert.Contains(reason, error);
        Assert.Equal(default, id);
    }

    [Fact]
    public void Parse_throws_format_exception_with_the_reason()
    {
        var exception = Assert.Throws<FormatException>(() => NationalId.Parse("0076229646"));
        Assert.Equal("National ID check digit does not match.", exception.Message);
    }

    [Fact]
    public void Equality_is_by_canonical_value()
    {
        Assert.Equal(NationalId.Parse("۰۰۷۶۲۲۹۶۴۵"), NationalId.Parse("76229645"));
        Assert.NotEqual(NationalId.Parse("0076229645"), NationalId.Parse("1583250689"));
    }

    [Fact]
    public void Default_renders_as_empty() => Assert.Equal(string.Empty, default(NationalId).ToString());

    [Theory]
    [InlineData("۰۰۷۶۲۲۹۶۴۵", true)]
    [InlineData("0076229646", false)]
    public void IParsable_members_agree_with_TryParse(string input, bool valid)
    {
        Assert.Equal(valid, Parsing.TryParse<NationalId>(input, out var id));
        if (valid)
        {
            Assert.Equal("0076229645", id.Value);
            Assert.Equal(id, Parsing.Parse<NationalId>(input));
        }
        else
        {
            Assert.Throws<FormatException>(() => Parsing.Parse<NationalId>(input));
        }
    }
}
