using System.IO.Compression;
using System.Text;
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
        var pdf = ObjectStreamPdf(pages);

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

    /// <summary>
    /// A PDF 1.5 file as modern writers make it: catalog, page tree and pages in one compressed object
    /// stream (object 1), found through a cross-reference stream (the last object), no classic xref table.
    /// </summary>
    private static byte[] ObjectStreamPdf(int pages)
    {
        var objects = new List<string> { "<< /Type /Catalog /Pages 3 0 R >>" };
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{4 + i} 0 R"));
        objects.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        for (var i = 0; i < pages; i++)
        {
            objects.Add("<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>");
        }

        // Object stream: "number offset" pairs, then the objects themselves.
        var body = new StringBuilder();
        var header = new StringBuilder();
        for (var i = 0; i < objects.Count; i++)
        {
            header.Append($"{2 + i} {body.Length} ");
            body.Append(objects[i]).Append('\n');
        }

        var content = Encoding.ASCII.GetBytes(header.ToString() + body);
        var compressed = Deflate(content);

        using var file = new MemoryStream();
        void Write(string text) => file.Write(Encoding.Latin1.GetBytes(text));
        Write("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
        var objectStreamOffset = file.Position;
        Write($"1 0 obj\n<< /Type /ObjStm /N {objects.Count} /First {header.Length} /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n");
        file.Write(compressed);
        Write("\nendstream\nendobj\n");

        var xrefNumber = 2 + objects.Count;
        var xrefOffset = file.Position;
        var rows = new List<byte[]> { Row(0, 0, 65535), Row(1, objectStreamOffset, 0) };
        rows.AddRange(Enumerable.Range(0, objects.Count).Select(i => Row(2, 1, i)));
        rows.Add(Row(1, xrefOffset, 0));
        var table = rows.SelectMany(r => r).ToArray();
        Write($"{xrefNumber} 0 obj\n<< /Type /XRef /Size {xrefNumber + 1} /W [1 4 2] /Root 2 0 R /Length {table.Length} >>\nstream\n");
        file.Write(table);
        Write($"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n");
        return file.ToArray();
    }

    private static byte[] Row(byte type, long field2, int field3) =>
        [type, (byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, (byte)(field3 >> 8), (byte)field3];

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
