using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace CityEServices.TestDocuments;

/// <summary>
/// A PDF 1.5 file as modern writers make it: catalog, page tree and pages in one compressed object
/// stream (object 1), found through a cross-reference stream (the last object), no classic xref table.
/// One builder, linked into every test project that counts pages (urban planning's and the archive's).
/// </summary>
internal static class ObjectStreamPdf
{
    /// <summary>A file of <paramref name="pages"/> pages; <paramref name="comment"/>, when given, makes its bytes (and hash) unique.</summary>
    public static byte[] Create(int pages, string? comment = null)
    {
        var objects = new List<string> { "<< /Type /Catalog /Pages 3 0 R >>" };
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => Invariant($"{4 + i} 0 R")));
        objects.Add(Invariant($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>"));
        for (var i = 0; i < pages; i++)
        {
            objects.Add("<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>");
        }

        // Object stream: "number offset" pairs, then the objects themselves.
        var body = new StringBuilder();
        var header = new StringBuilder();
        for (var i = 0; i < objects.Count; i++)
        {
            header.Append(Invariant($"{2 + i} {body.Length} "));
            body.Append(objects[i]).Append('\n');
        }

        var compressed = Deflate(Encoding.ASCII.GetBytes(header.ToString() + body));

        using var file = new MemoryStream();
        void Write(string text) => file.Write(Encoding.Latin1.GetBytes(text));
        Write("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
        if (comment is not null)
        {
            Write($"% {comment}\n");
        }

        var objectStreamOffset = file.Position;
        Write(Invariant($"1 0 obj\n<< /Type /ObjStm /N {objects.Count} /First {header.Length} /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n"));
        file.Write(compressed);
        Write("\nendstream\nendobj\n");

        var xrefNumber = 2 + objects.Count;
        var xrefOffset = file.Position;
        var rows = new List<byte[]> { Row(0, 0, 65535), Row(1, objectStreamOffset, 0) };
        rows.AddRange(Enumerable.Range(0, objects.Count).Select(i => Row(2, 1, i)));
        rows.Add(Row(1, xrefOffset, 0));
        var table = rows.SelectMany(r => r).ToArray();
        Write(Invariant($"{xrefNumber} 0 obj\n<< /Type /XRef /Size {xrefNumber + 1} /W [1 4 2] /Root 2 0 R /Length {table.Length} >>\nstream\n"));
        file.Write(table);
        Write(Invariant($"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n"));
        return file.ToArray();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

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
