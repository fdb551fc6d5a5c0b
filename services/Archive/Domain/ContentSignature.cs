namespace CityEServices.Archive.Domain;

/// <summary>The kinds of content the archive accepts, decided from the first bytes alone.</summary>
public enum ContentKind
{
    Pdf,
    Tiff,
    Jpeg,
    Png,
}

/// <summary>
/// Magic-number sniffing: the client's file name and declared type are never trusted. Anything that is
/// not one of the four scan formats (an executable renamed .pdf, say) is refused.
/// </summary>
public static class ContentSignature
{
    /// <summary>Bytes needed to decide; a shorter file is judged on what it has.</summary>
    public const int HeaderLength = 8;

    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;
    private static ReadOnlySpan<byte> TiffLittle => [0x49, 0x49, 0x2A, 0x00];
    private static ReadOnlySpan<byte> TiffBig => [0x4D, 0x4D, 0x00, 0x2A];
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ContentKind? Detect(ReadOnlySpan<byte> header) =>
        header.StartsWith(Pdf) ? ContentKind.Pdf
        : header.StartsWith(TiffLittle) || header.StartsWith(TiffBig) ? ContentKind.Tiff
        : header.StartsWith(Jpeg) ? ContentKind.Jpeg
        : header.StartsWith(Png) ? ContentKind.Png
        : null;

    public static string MediaType(ContentKind kind) => kind switch
    {
        ContentKind.Pdf => "application/pdf",
        ContentKind.Tiff => "image/tiff",
        ContentKind.Jpeg => "image/jpeg",
        ContentKind.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
