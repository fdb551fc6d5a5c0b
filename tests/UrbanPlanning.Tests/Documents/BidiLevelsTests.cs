using System.Text;
using CityEServices.UrbanPlanning.Infrastructure.Documents;

namespace CityEServices.UrbanPlanning.Tests.Documents;

public class BidiLevelsTests
{
    [Theory]
    // Letters right to left, the date one left-to-right island with its slashes.
    [InlineData("تاریخ ۱۴۰۴/۰۹/۰۸", "RRRRRRLLLLLLLLLL")]
    // Hyphens between digits join them into one number (a renovation code).
    [InlineData("کد 6-12-0", "RRRLLLLLL")]
    // Latin words with the space between them stay one left-to-right run; the space before them is RTL.
    [InlineData("نشانی ab cd", "RRRRRRLLLLL")]
    // A trailing space goes back to the paragraph's direction.
    [InlineData("ab ", "LLR")]
    // A percent sign belongs to its number; a lone one does not.
    [InlineData("نرخ ۵٪ و %", "RRRRLLRRRR")]
    // ZWNJ stays inside its word.
    [InlineData("سه‌شنبه", "RRRRRRR")]
    public void Resolves_levels_as_UAX9_would_for_a_right_to_left_line(string text, string expected)
    {
        var levels = BidiLevels.Resolve(text);

        Assert.Equal(expected, new string([.. levels.Select(l => l == BidiLevels.Rtl ? 'R' : 'L')]));
    }

    [Fact]
    public void A_forced_left_to_right_span_keeps_its_neutral_characters_in_place()
    {
        const string text = "کد ۰۰******۴۵";
        var ltr = text.Select((_, i) => i >= 3).ToList();

        Assert.Equal("RRRLLLLLLLLLL", new string([.. BidiLevels.Resolve(text, ltr).Select(l => l == BidiLevels.Rtl ? 'R' : 'L')]));
        // Without the isolate the asterisks sit between two numbers, which count as RTL: they would be scattered.
        Assert.Equal("RRRLLRRRRRRLL", new string([.. BidiLevels.Resolve(text).Select(l => l == BidiLevels.Rtl ? 'R' : 'L')]));
    }

    [Fact]
    public void Mirrored_clusters_put_each_cluster_where_its_letters_land_in_the_reversed_text()
    {
        // «سلام» shaped right to left: glyphs in visual order are م, لا (one glyph for two letters), س.
        const string text = "سلام";
        var utf8 = Encoding.UTF8.GetBytes(text);
        uint[] clusters = [6, 2, 0];

        var (reversed, mirrored) = RtlClusterText.Mirror(text, utf8, clusters);

        Assert.Equal("مالس", Encoding.UTF8.GetString(reversed));
        Assert.Equal([0u, 2u, 6u], mirrored);
        // The lam-alef glyph now covers «ال», which poppler's reversal turns back into «لا».
        Assert.Equal("ال", Encoding.UTF8.GetString(reversed, 2, 4));
    }
}
