using System.Text;
using CityEServices.Archive.Domain;

namespace CityEServices.Archive.Tests;

/// <summary>The type is decided by the first bytes alone: the four scan formats, nothing else.</summary>
public class ContentSignatureTests
{
    public static TheoryData<byte[], ContentKind, string> Scans => new()
    {
        { "%PDF-1.7\n%"u8.ToArray(), ContentKind.Pdf, "application/pdf" },
        { [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00], ContentKind.Tiff, "image/tiff" },
        { [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08], ContentKind.Tiff, "image/tiff" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46], ContentKind.Jpeg, "image/jpeg" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], ContentKind.Png, "image/png" },
    };

    [Theory]
    [MemberData(nameof(Scans))]
    public void Each_scan_format_is_recognised_by_its_signature(byte[] head, ContentKind kind, string mediaType)
    {
        Assert.Equal(kind, ContentSignature.Detect(head));
        Assert.Equal(mediaType, ContentSignature.MediaType(kind));
    }

    public static TheoryData<byte[]> Impostors => new()
    {
        // A Windows executable, whatever it was renamed to.
        { [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00] },
        { Encoding.ASCII.GetBytes("<html><body>") },
        // A PNG signature cut short, a PDF header without its dash, nothing at all.
        { [0x89, 0x50, 0x4E, 0x47] },
        { "%PDF1.7"u8.ToArray() },
        { [] },
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public void Anything_else_is_refused(byte[] head)
    {
        Assert.Null(ContentSignature.Detect(head));
    }
}
