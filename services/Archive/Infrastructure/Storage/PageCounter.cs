using System.Buffers.Binary;
using UglyToad.PdfPig;

namespace CityEServices.Archive.Infrastructure.Storage;

/// <summary>
/// Page counts read from stored content: PDF by a real parser (PdfPig), TIFF by its chain of image
/// directories; a JPEG or PNG is one page. Null when the count cannot be told: for a PDF that means
/// the file is damaged (callers refuse it), for a TIFF a damaged chain (kept, count unknown).
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

    public static int? CountPdfPages(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return CountPdfPages(stream);
    }

    /// <summary>
    /// The pages of the document's page tree, found through classic xref tables as well as the
    /// cross-reference and compressed object streams of PDF 1.5+ (where a byte scan for
    /// <c>/Type /Page</c> finds nothing). Null when PdfPig cannot open it or it has no page.
    /// </summary>
    public static int? CountPdfPages(Stream pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        try
        {
            // Lenient: scanners write PDFs with slightly wrong xref offsets that every viewer opens;
            // what even lenient parsing cannot open is damaged.
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true });
            return document.NumberOfPages > 0 ? document.NumberOfPages : null;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // PdfPig throws a variety of exception types for damaged input; any of them means "cannot tell".
            return null;
        }
    }

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
