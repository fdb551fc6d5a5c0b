using System.Net.Http.Headers;
using System.Text;

namespace CityEServices.Archive.IntegrationTests.Infrastructure;

/// <summary>Small but genuine scans of each accepted format, an impostor, and multipart bodies as clients send them.</summary>
public static class TestFiles
{
    /// <summary>A PDF with <paramref name="pages"/> page objects; <paramref name="salt"/> makes the bytes (and hash) unique.</summary>
    public static byte[] Pdf(int pages = 1, string? salt = null)
    {
        var text = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\n");
        text.Append("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        text.Append($"2 0 obj << /Type /Pages /Count {pages} /Kids [] >> endobj\n");
        for (var i = 0; i < pages; i++)
        {
            // Both spellings a real PDF writer uses: with and without a space before /Page.
            text.Append(i % 2 == 0 ? $"{i + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj\n" : $"{i + 3} 0 obj <</Type/Page/Parent 2 0 R>> endobj\n");
        }

        text.Append($"% {salt ?? Guid.NewGuid().ToString()}\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

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
