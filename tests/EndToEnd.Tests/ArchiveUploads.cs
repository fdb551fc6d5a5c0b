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

    /// <summary>A small valid two-page PDF whose bytes differ every call (the archive deduplicates identical content).</summary>
    public static byte[] Pdf(string text) =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 2 >> endobj\n3 0 obj << /Type /Page >> endobj\n4 0 obj << /Type /Page >> endobj\n% {text} {Guid.NewGuid()}\n%%EOF\n");
}
