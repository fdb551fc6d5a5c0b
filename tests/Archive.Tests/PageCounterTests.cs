using System.Text;
using CityEServices.Archive.Domain;
using CityEServices.Archive.Infrastructure.Pdf;
using CityEServices.Archive.Infrastructure.Storage;
using CityEServices.TestDocuments;
using UglyToad.PdfPig.Writer;

namespace CityEServices.Archive.Tests;

/// <summary>Page counts by a real PDF parser: object streams counted, damaged PDFs told apart (uploads refuse them), other kinds as before.</summary>
public sealed class PageCounterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("page-counter-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(12)]
    public void Counts_pages_whose_objects_sit_in_a_compressed_object_stream(int pages)
    {
        var pdf = ObjectStreamPdf.Create(pages);

        // Nothing for a byte scan to find: the page dictionaries are inside the Flate-compressed stream.
        Assert.DoesNotContain("/Page", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.Equal(pages, PageCounter.Count(Write(pdf), ContentKind.Pdf));
    }

    [Fact]
    public void Counts_a_classic_PDF_written_by_PdfPig_and_the_archives_own_records()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(595, 842);
        builder.AddPage(595, 842);

        Assert.Equal(2, PageCounter.Count(Write(builder.Build()), ContentKind.Pdf));
        Assert.Equal(1, PageCounter.Count(Write(SimplePdf.Render(["Building permit BP-1404-0001"])), ContentKind.Pdf));
    }

    [Theory]
    [InlineData("%PDF-1.7\nnot really\n%%EOF")]
    [InlineData("%PDF-1.4\n")]
    // Page objects with no xref or trailer: what a byte scan used to count as two pages.
    [InlineData("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 2 >> endobj\n3 0 obj << /Type /Page >> endobj\n4 0 obj << /Type /Page >> endobj\n%%EOF\n")]
    public void A_damaged_PDF_has_no_count(string content) =>
        Assert.Null(PageCounter.Count(Write(Encoding.Latin1.GetBytes(content)), ContentKind.Pdf));

    [Fact]
    public void A_truncated_PDF_has_no_count()
    {
        var pdf = ObjectStreamPdf.Create(3);

        Assert.Null(PageCounter.Count(Write(pdf[..(pdf.Length / 2)]), ContentKind.Pdf));
    }

    [Fact]
    public void Images_are_one_page_and_a_TIFF_is_counted_by_its_directories()
    {
        var image = Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        Assert.Equal(1, PageCounter.Count(image, ContentKind.Png));
        Assert.Equal(1, PageCounter.Count(image, ContentKind.Jpeg));

        // Two empty IFDs: at 8 (next 14) and at 14 (next 0).
        byte[] tiff = [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0, 0, 0, 14, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(2, PageCounter.Count(Write(tiff), ContentKind.Tiff));
        // A chain that loops back on itself is damage: unknown, not refused.
        byte[] looping = [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0];
        Assert.Null(PageCounter.Count(Write(looping), ContentKind.Tiff));
    }

    private string Write(byte[] content)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, content);
        return path;
    }

}
