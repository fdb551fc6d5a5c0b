using System.Buffers;
using System.Buffers.Binary;

namespace CityEServices.Archive.Infrastructure.Storage;

/// <summary>
/// Page counts read from stored content without loading it whole: PDF by its page objects, TIFF by its
/// chain of image directories; a JPEG or PNG is one page. Null when the count cannot be told (a PDF
/// whose page objects sit in compressed object streams, a damaged TIFF chain).
/// </summary>
public static class PageCounter
{
    private const int MaxTiffPages = 100_000;

    public static int? Count(string path, ContentKind kind) => kind switch
    {
        ContentKind.Pdf => CountPdfPages(path),
        ContentKind.Tiff => CountTiffPages(path),
        _ => 1,
    };

    /// <summary>Counts "/Type /Page" (not "/Pages") in the file, streamed in chunks with an overlap for matches across a boundary.</summary>
    public static int? CountPdfPages(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024 + Overlap);
        try
        {
            var count = 0;
            var carried = 0;
            int read;
            while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0)
            {
                var length = carried + read;
                var span = buffer.AsSpan(0, length);
                // Matches starting in the last Overlap bytes are left for the next round, which sees them whole.
                var limit = Math.Max(0, length - Overlap);
                count += CountPageObjects(span, limit, final: false);
                carried = length - limit;
                span[limit..].CopyTo(buffer);
            }

            count += CountPageObjects(buffer.AsSpan(0, carried), carried, final: true);
            return count > 0 ? count : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int Overlap = 32;

    private static int CountPageObjects(ReadOnlySpan<byte> data, int startLimit, bool final)
    {
        var count = 0;
        var offset = 0;
        while (true)
        {
            var index = data[offset..].IndexOf("/Type"u8);
            if (index < 0 || offset + index >= startLimit)
            {
                return count;
            }

            var at = offset + index + 5;
            while (at < data.Length && data[at] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0x0C or 0)
            {
                at++;
            }

            if (data[at..].StartsWith("/Page"u8))
            {
                var next = at + 5;
                // "/Pages" is the tree node, not a page; at the very end of the file nothing follows.
                if (next >= data.Length ? final : !IsNameChar(data[next]))
                {
                    count++;
                }
            }

            offset = offset + index + 5;
        }
    }

    private static bool IsNameChar(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9';

    /// <summary>Walks the IFD chain; each image file directory is one page.</summary>
    public static int? CountTiffPages(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> header = stackalloc byte[8];
        if (stream.Read(header) < 8)
        {
            return null;
        }

        var little = header[0] == 0x49;
        uint Read32(ReadOnlySpan<byte> b) => little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);
        ushort Read16(ReadOnlySpan<byte> b) => little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);

        var visited = new HashSet<uint>();
        var offset = Read32(header[4..]);
        var pages = 0;
        Span<byte> word = stackalloc byte[4];
        while (offset != 0)
        {
            // A loop in the chain or an offset past the end is damage: say we cannot tell.
            if (!visited.Add(offset) || offset + 2L > stream.Length || pages >= MaxTiffPages)
            {
                return null;
            }

            stream.Position = offset;
            if (stream.Read(word[..2]) < 2)
            {
                return null;
            }

            var entries = Read16(word);
            stream.Position = offset + 2L + (entries * 12L);
            if (stream.Read(word) < 4)
            {
                return null;
            }

            pages++;
            offset = Read32(word);
        }

        return pages > 0 ? pages : null;
    }
}
