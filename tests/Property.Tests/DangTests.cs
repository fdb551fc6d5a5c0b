using System.Text.Json;
using CityEServices.Property.Domain;

namespace CityEServices.Property.Tests;

public class DangTests
{
    [Theory]
    [InlineData("2.5", 5, 2)]
    [InlineData("5/2", 5, 2)]
    [InlineData("10/4", 5, 2)]
    [InlineData(" 1 / 3 ", 1, 3)]
    [InlineData("6", 6, 1)]
    [InlineData("6.000", 6, 1)]
    [InlineData("0.125", 1, 8)]
    [InlineData("0.1", 1, 10)]
    [InlineData("0", 0, 1)]
    [InlineData("0/7", 0, 1)]
    [InlineData("-3/6", -1, 2)]
    [InlineData("۲٫۵", 5, 2)] // Persian digits and the Persian decimal separator
    [InlineData("۵/۲", 5, 2)]
    [InlineData("٣.٥", 7, 2)] // Arabic-Indic digits
    [InlineData("123456789012345678/3", 41152263004115226, 1)]
    public void Parses_decimals_and_fractions_exactly(string input, long numerator, long denominator)
    {
        Assert.True(Dang.TryParse(input, out var value, out var error), error);
        Assert.Equal(numerator, value.Numerator);
        Assert.Equal(denominator, value.Denominator);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("2,5")]
    [InlineData("1/0")]
    [InlineData("1/-2")]
    [InlineData("1/")]
    [InlineData("/2")]
    [InlineData("1.5/2")]
    [InlineData("2.5e0")]
    [InlineData("1e1")]
    [InlineData(".5")]
    [InlineData("2.")]
    [InlineData("1/2/3")]
    [InlineData("1234567890123456789")] // 19 digits: beyond what is parsed exactly into a long
    [InlineData("0.1234567890123456789")]
    public void Rejects_what_is_not_an_exact_share(string? input)
    {
        Assert.False(Dang.TryParse(input, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Default_is_zero_and_equal_to_any_zero_fraction()
    {
        Assert.Equal(Dang.Zero, default);
        Assert.Equal(new Dang(0, 9), default);
        Assert.Equal(1, default(Dang).Denominator);
        Assert.Equal("0", default(Dang).ToString());
    }

    [Fact]
    public void Construction_reduces_and_moves_the_sign_to_the_numerator()
    {
        var value = new Dang(4, -6);
        Assert.Equal(-2, value.Numerator);
        Assert.Equal(3, value.Denominator);
        Assert.Throws<DivideByZeroException>(() => new Dang(1, 0));
    }

    [Theory]
    [InlineData("2.5", "3.5", "6")]
    [InlineData("4", "1.5", "11/2")]
    [InlineData("1/3", "1/6", "1/2")]
    [InlineData("0.1", "0.2", "3/10")] // 0.30000000000000004 in binary floating point
    [InlineData("1/3", "-1/3", "0")]
    public void Adds_exactly(string left, string right, string sum)
    {
        Assert.Equal(Dang.Parse(sum), Dang.Parse(left) + Dang.Parse(right));
    }

    [Theory]
    [InlineData("6", "2.5", "7/2")]
    [InlineData("1/2", "1/3", "1/6")]
    [InlineData("1", "3/2", "-1/2")]
    public void Subtracts_exactly(string left, string right, string difference)
    {
        Assert.Equal(Dang.Parse(difference), Dang.Parse(left) - Dang.Parse(right));
    }

    [Fact]
    public void Eighteen_thirds_are_exactly_six()
    {
        var total = Dang.Sum(Enumerable.Repeat(Dang.Parse("1/3"), 18));
        Assert.Equal(Dang.Six, total);
    }

    [Fact]
    public void Sixty_tenths_are_exactly_six()
    {
        // The same sum in double is 5.999999999999995: the reason shares are never floats.
        Assert.NotEqual(6.0, Enumerable.Repeat(0.1, 60).Sum());
        Assert.Equal(Dang.Six, Dang.Sum(Enumerable.Repeat(Dang.Parse("0.1"), 60)));
    }

    [Theory]
    [InlineData("1/3", "0.3333", 1)]
    [InlineData("1/3", "1/3", 0)]
    [InlineData("2/6", "1/3", 0)]
    [InlineData("5/2", "3", -1)]
    [InlineData("-1/2", "0", -1)]
    [InlineData("6", "5.9999999999", 1)]
    public void Compares_by_value(string left, string right, int expectedSign)
    {
        var a = Dang.Parse(left);
        var b = Dang.Parse(right);
        Assert.Equal(expectedSign, Math.Sign(a.CompareTo(b)));
        Assert.Equal(expectedSign < 0, a < b);
        Assert.Equal(expectedSign > 0, a > b);
        Assert.Equal(expectedSign <= 0, a <= b);
        Assert.Equal(expectedSign >= 0, a >= b);
        Assert.Equal(expectedSign == 0, a == b);
        Assert.Equal(expectedSign != 0, a != b);
    }

    [Fact]
    public void Equal_values_hash_alike()
    {
        Assert.Equal(Dang.Parse("2.5").GetHashCode(), Dang.Parse("10/4").GetHashCode());
    }

    [Theory]
    [InlineData("5/2", "5/2", "2.5")]
    [InlineData("6", "6", "6")]
    [InlineData("1/8", "1/8", "0.125")]
    [InlineData("1/20", "1/20", "0.05")]
    [InlineData("-3/4", "-3/4", "-0.75")]
    [InlineData("1/3", "1/3", null)]
    [InlineData("5/6", "5/6", null)]
    public void Formats_as_fraction_and_as_decimal_when_exact(string input, string fraction, string? decimalText)
    {
        var value = Dang.Parse(input);
        Assert.Equal(fraction, value.ToString());
        Assert.Equal(decimalText is not null, value.TryFormatDecimal(out var text));
        Assert.Equal(decimalText, text);
    }

    [Fact]
    public void Overflow_is_reported_not_wrapped()
    {
        var fine = new Dang(1, 999_999_937); // a large prime denominator
        var alsoFine = new Dang(1, 999_999_929);
        var product = fine + alsoFine; // denominator ≈ 1e18 still fits
        Assert.True(product.Denominator > 0);
        Assert.Throws<OverflowException>(() => product + new Dang(1, 999_999_893));
    }

    [Theory]
    [InlineData("2.5", 5, 2)]
    [InlineData("\"5/2\"", 5, 2)]
    [InlineData("\"2.5\"", 5, 2)]
    [InlineData("0.1", 1, 10)]
    [InlineData("\"1/3\"", 1, 3)]
    public void Json_reads_numbers_and_strings(string json, long numerator, long denominator)
    {
        var value = JsonSerializer.Deserialize<Dang>(json);
        Assert.Equal(new Dang(numerator, denominator), value);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("\"x\"")]
    [InlineData("2.5e0")]
    [InlineData("{}")]
    public void Json_refuses_what_is_not_a_share(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dang>(json));
    }

    [Theory]
    [InlineData(5, 2, "2.5")]
    [InlineData(6, 1, "6")]
    [InlineData(1, 3, "\"1/3\"")]
    [InlineData(1, 8, "0.125")]
    public void Json_writes_a_number_when_exact_else_the_fraction(long numerator, long denominator, string json)
    {
        Assert.Equal(json, JsonSerializer.Serialize(new Dang(numerator, denominator)));
    }
}
