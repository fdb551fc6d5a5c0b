namespace CityEServices.Iran.Tests;

public class PersianTextTests
{
    [Theory]
    [InlineData("علي", "علی")]                       // Arabic yeh U+064A
    [InlineData("موسى", "موسی")]                     // alef maksura U+0649
    [InlineData("كرج", "کرج")]                       // Arabic kaf U+0643
    [InlineData("كريمي", "کریمی")]
    [InlineData("۰۱۲۳۴۵۶۷۸۹", "0123456789")]
    [InlineData("٠١٢٣٤٥٦٧٨٩", "0123456789")]
    [InlineData("پلاک ۱۲ واحد ٣", "پلاک 12 واحد 3")]
    [InlineData("  تهران  ", "تهران")]
    [InlineData("خیابان \t\n  ولیعصر", "خیابان ولیعصر")]
    [InlineData("منطقه\u00A0۲۲", "منطقه 22")]     // no-break space
    [InlineData("تهـــران", "تهران")]              // tatweel
    [InlineData("محمّد", "محمد")]                  // shadda
    [InlineData("عِلم", "علم")]                     // kasra
    [InlineData("abc  DEF", "abc DEF")]
    [InlineData(" \t ", "")]
    public void Normalize_maps_letters_digits_and_whitespace(string input, string expected) =>
        Assert.Equal(expected, PersianText.Normalize(input));

    [Theory]
    [InlineData("می\u200Cروم")]
    [InlineData("کتاب\u200Cها")]
    [InlineData("خانهٔ ما")]       // hamza above changes the reading, so it is kept
    [InlineData("آب")]
    [InlineData("Tehran 1404")]
    public void Normalize_returns_the_same_instance_when_nothing_changes(string input) =>
        Assert.Same(input, PersianText.Normalize(input));

    [Fact]
    public void Normalize_keeps_zwnj_while_mapping_around_it() =>
        Assert.Equal("می\u200Cکنی 1", PersianText.Normalize("مي\u200Cكني ۱"));

    [Fact]
    public void Normalize_keeps_diacritics_when_asked_but_still_drops_tatweel() =>
        Assert.Equal("محمّد", PersianText.Normalize("محـمّد", removeDiacritics: false));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Normalize_passes_null_and_empty_through(string? input) =>
        Assert.Equal(input, PersianText.Normalize(input));

    [Theory]
    [InlineData("  علي   كريمي\u200Cپور ۱۲  ")]
    [InlineData("تهـــران\t٣")]
    [InlineData("موسى محمّد")]
    [InlineData("\u00A0 x \u00A0")]
    public void Normalize_is_idempotent(string input)
    {
        var once = PersianText.Normalize(input);

        Assert.NotEqual(input, once);
        Assert.Same(once, PersianText.Normalize(once));
    }

    [Fact]
    public void Normalize_handles_text_longer_than_the_stack_buffer()
    {
        var input = string.Concat(Enumerable.Repeat("علي ۱  ", 200));

        var result = PersianText.Normalize(input);

        Assert.Equal(string.Join(' ', Enumerable.Repeat("علی 1", 200)), result);
    }

    [Theory]
    [InlineData(" ۰۹۱۲ ", "0912")]
    [InlineData("٠٩١٢", "0912")]
    [InlineData("\u200F۱۲۳\u200E", "123")]       // direction marks from copied RTL text
    [InlineData("\t12-34\n", "12-34")]
    [InlineData("12 ۳۴", "12 34")]               // inner spaces are the value type's business
    [InlineData("كي۱", "كي1")]                   // letters are not touched
    public void NormalizeDigits_maps_digits_and_trims(string input, string expected) =>
        Assert.Equal(expected, PersianText.NormalizeDigits(input));

    [Theory]
    [InlineData("0076229645")]
    [InlineData("IR82 0540")]
    public void NormalizeDigits_returns_the_same_instance_when_nothing_changes(string input) =>
        Assert.Same(input, PersianText.NormalizeDigits(input));

    [Fact]
    public void NormalizeDigits_passes_null_through() => Assert.Null(PersianText.NormalizeDigits(null));
}
