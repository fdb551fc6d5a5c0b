using System.Text;
using CityEServices.TestDocuments;
using CityEServices.UrbanPlanning.Infrastructure.Documents;
using UglyToad.PdfPig.Writer;

namespace CityEServices.UrbanPlanning.Tests.Documents;

public class PdfPagesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(12)]
    public void Counts_pages_whose_objects_sit_in_a_compressed_object_stream(int pages)
    {
        var pdf = ObjectStreamPdf.Create(pages);

        // Nothing for a byte scan to find: the page dictionaries are inside the Flate-compressed stream.
        Assert.DoesNotContain("/Page", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.Equal(pages, PdfPages.Count(new MemoryStream(pdf)));
    }

    [Fact]
    public void Counts_a_classic_PDF_written_by_PdfPig()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(595, 842);
        builder.AddPage(595, 842);

        Assert.Equal(2, PdfPages.Count(new MemoryStream(builder.Build())));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%PDF-1.7\nnot really\n%%EOF")]
    [InlineData("GIF89a")]
    public void Says_it_cannot_tell_for_what_is_not_a_PDF(string content) =>
        Assert.Null(PdfPages.Count(new MemoryStream(Encoding.ASCII.GetBytes(content))));

}
