using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace CityEServices.EndToEnd.Tests;

/// <summary>Uploads to the archive as a scanning client would: multipart with the file and its metadata fields.</summary>
public static class ArchiveUploads
{
    public static MultipartFormDataContent Form(byte[] content, string fileName, string declaredType, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        return form;
    }

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient gateway, string path, HttpContent content, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return gateway.SendAsync(request);
    }

    /// <summary>
    /// A small valid two-page PDF (page tree, xref table, trailer: the archive parses uploads and refuses
    /// what it cannot read) whose bytes differ every call (the archive deduplicates identical content).
    /// </summary>
    public static byte[] Pdf(string text)
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        // A comment line: only its bytes, never the structure, depend on the text.
        pdf.Append(CultureInfo.InvariantCulture, $"% {text} {Guid.NewGuid()}\n");
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
