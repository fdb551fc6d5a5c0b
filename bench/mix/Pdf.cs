using System.Text;

namespace CityEServices.Mix;

/// <summary>
/// A one-page PDF carrying random bytes in a stream of its own (as bench/archive-transfer makes them): the
/// archive counts its pages with a real parser and refuses what it cannot read; random content is never
/// deduplicated.
/// </summary>
internal static class Pdf
{
    public static byte[] Make(int payloadBytes)
    {
        var output = new MemoryStream(payloadBytes + 1024);
        var offsets = new List<long>();
        Write(output, "%PDF-1.4\n");
        foreach (var obj in new[]
                 {
                     "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
                     "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
                     "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n",
                 })
        {
            offsets.Add(output.Position);
            Write(output, obj);
        }

        offsets.Add(output.Position);
        Write(output, $"4 0 obj\n<< /Length {payloadBytes} >>\nstream\n");
        var payload = new byte[payloadBytes];
        Random.Shared.NextBytes(payload);
        output.Write(payload);
        Write(output, "\nendstream\nendobj\n");
        var xref = output.Position;
        var table = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }

        Write(output, table.ToString());
        Write(output, $"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private static void Write(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));
}
