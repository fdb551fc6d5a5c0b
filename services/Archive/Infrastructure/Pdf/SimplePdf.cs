using System.Globalization;
using System.Text;

namespace CityEServices.Archive.Infrastructure.Pdf;

/// <summary>
/// A one-page PDF of plain text lines, for the records the archive makes itself (issued permits). The
/// same lines always give the same bytes, so a redelivered event finds its record by hash.
/// Built-in fonts cover Latin text only: other characters are written as '?'.
/// </summary>
public static class SimplePdf
{
    public static byte[] Render(IEnumerable<string> lines)
    {
        var content = new StringBuilder("BT /F1 12 Tf 16 TL 50 790 Td\n");
        foreach (var line in lines)
        {
            content.Append('(').Append(Escape(line)).Append(") Tj T*\n");
        }

        content.Append("ET\n");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {content.Length} >>\nstream\n{content}endstream",
        ];

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Escape(string line)
    {
        var text = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            text.Append(c switch
            {
                '(' or ')' or '\\' => $"\\{c}",
                >= ' ' and <= '~' => c.ToString(),
                _ => "?",
            });
        }

        return text.ToString();
    }
}
