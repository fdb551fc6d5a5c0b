using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace CityEServices.Archive.IntegrationTests.Infrastructure;

/// <summary>Small but genuine scans of each accepted format, an impostor, and multipart bodies as clients send them.</summary>
public static class TestFiles
{
    /// <summary>
    /// A small but well-formed PDF (page tree, classic xref table, trailer) with <paramref name="pages"/>
    /// pages; <paramref name="salt"/> makes the bytes (and hash) unique. The archive opens uploads with a
    /// real parser and refuses what it cannot read.
    /// </summary>
    public static byte[] Pdf(int pages = 1, string? salt = null)
    {
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>" };
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{3 + i} 0 R"));
        objects.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        for (var i = 0; i < pages; i++)
        {
            // Both spellings a real PDF writer uses: with and without spaces between the names.
            objects.Add(i % 2 == 0 ? "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" : "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>");
        }

        var text = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        foreach (var (body, number) in objects.Select((o, i) => (o, i + 1)))
        {
            offsets.Add(Encoding.Latin1.GetByteCount(text.ToString()));
            text.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"% {salt ?? Guid.NewGuid().ToString()}\n");
        var xref = Encoding.Latin1.GetByteCount(text.ToString());
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    /// <summary>A PDF 1.5 file with its objects in a compressed object stream (<see cref="TestDocuments.ObjectStreamPdf"/>), unique by <paramref name="salt"/>.</summary>
    public static byte[] ObjectStreamPdf(int pages, string? salt = null) =>
        TestDocuments.ObjectStreamPdf.Create(pages, salt ?? Guid.NewGuid().ToString());

    /// <summary>A little-endian TIFF whose IFD chain has <paramref name="pages"/> directories.</summary>
    public static byte[] Tiff(int pages)
    {
        var bytes = new List<byte> { 0x49, 0x49, 0x2A, 0x00 };
        bytes.AddRange(BitConverter.GetBytes(8u));
        for (var i = 0; i < pages; i++)
        {
            var offset = 8 + (i * 6);
            bytes.AddRange(BitConverter.GetBytes((ushort)0)); // no entries
            bytes.AddRange(BitConverter.GetBytes(i == pages - 1 ? 0u : (uint)(offset + 6)));
        }

        bytes.AddRange(Guid.NewGuid().ToByteArray());
        return [.. bytes];
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Guid.NewGuid().ToByteArray()];

    /// <summary>A Windows executable's header (MZ … PE): what a renamed .exe starts with.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode."), .. Guid.NewGuid().ToByteArray()];

    public static MultipartFormDataContent Form(HttpContent file, string fileName, string declaredType, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        return form;
    }

    public static MultipartFormDataContent Form(byte[] content, string fileName, string declaredType, params (string Name, string Value)[] fields) =>
        Form(new ByteArrayContent(content), fileName, declaredType, fields);
}

/// <summary>
/// A body of <see cref="Length"/> pseudo-random bytes generated as it is read, with a PDF header: the
/// client never holds the whole file either, so memory measured around an upload is the server's.
/// </summary>
public sealed class GeneratedStream(long length, int seed) : Stream
{
    private static readonly byte[] Header = "%PDF-1.4\n"u8.ToArray();
    private readonly Random _random = new(seed);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        if (n <= 0)
        {
            return 0;
        }

        var slice = buffer[..n];
        _random.NextBytes(slice);
        for (var i = 0; i < n && _position + i < Header.Length; i++)
        {
            slice[i] = Header[_position + i];
        }

        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
