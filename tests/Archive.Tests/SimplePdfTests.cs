using System.Text;
using CityEServices.Archive.Domain;
using CityEServices.Archive.Infrastructure.Pdf;

namespace CityEServices.Archive.Tests;

/// <summary>The archive's own records: the same lines give the same bytes (a redelivery finds its record by hash), and they are PDFs.</summary>
public class SimplePdfTests
{
    [Fact]
    public void The_same_lines_always_give_the_same_bytes_and_other_lines_other_bytes()
    {
        var first = SimplePdf.Render(["Building permit BP-1404-0001", "Floors: 5"]);

        Assert.Equal(first, SimplePdf.Render(["Building permit BP-1404-0001", "Floors: 5"]));
        Assert.NotEqual(first, SimplePdf.Render(["Building permit BP-1404-0001", "Floors: 6"]));
        Assert.Equal(ContentKind.Pdf, ContentSignature.Detect(first));
    }

    [Fact]
    public void Parentheses_are_escaped_and_what_the_built_in_font_cannot_show_is_a_question_mark()
    {
        var text = Encoding.ASCII.GetString(SimplePdf.Render(["Usage (residential) \\ پروانه"]));

        Assert.Contains(@"(Usage \(residential\) \\ ??????) Tj", text, StringComparison.Ordinal);
    }
}
