namespace CityEServices.Iran.Tests;

public class ShebaTests
{
    private const string Sample = "IR820540102680020817909002";

    [Theory]
    [InlineData("IR820540102680020817909002")]
    [InlineData("ir820540102680020817909002")]
    [InlineData("Ir820540102680020817909002")]
    [InlineData("IR82 0540 1026 8002 0817 9090 02")]
    [InlineData("  ir82 0540 1026 8002 0817 9090 02 ")]
    [InlineData("IR۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲")]
    [InlineData("IR٨٢٠٥٤٠١٠٢٦٨٠٠٢٠٨١٧٩٠٩٠٠٢")]
    public void Valid_sheba_parses_to_canonical_form(string input)
    {
        Assert.True(Sheba.TryParse(input, out var sheba, out var error), error);
        Assert.Equal(Sample, sheba.Value);
        Assert.Equal(Sample, sheba.ToString());
    }

    [Theory]
    [InlineData("IR820540102680020817909003", "check digits")]
    [InlineData("IR830540102680020817909002", "check digits")]
    [InlineData("IR820540102680020817909020", "check digits")] // last two swapped
    [InlineData("IR000000000000000000000000", "check digits")]
    [InlineData("DE820540102680020817909002", "start with IR")]
    [InlineData("820540102680020817909002", "start with IR")]
    [InlineData("IR82054010268002081790900", "24 digits")]
    [InlineData("IR8205401026800208179090021", "24 digits")]
    [InlineData("IR82054010268002081790900A", "24 digits")]
    [InlineData("IR82-0540-1026-8002-0817-9090-02", "24 digits")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void Invalid_sheba_says_why(string? input, string reason) =>
        Assert.Contains(reason, Sheba.Validate(input));

    [Fact]
    public void Parse_throws_format_exception() =>
        Assert.Throws<FormatException>(() => Sheba.Parse("IR820540102680020817909003"));

    [Fact]
    public void IParsable_accepts_persian_digits() =>
        Assert.Equal(Sample, Parsing.Parse<Sheba>("ir۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲").Value);
}
