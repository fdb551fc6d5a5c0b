using CityEServices.UrbanPlanning.Domain.Documents;
using CityEServices.UrbanPlanning.Infrastructure.Documents;
using ZXing;
using ZXing.Common;

namespace CityEServices.UrbanPlanning.Tests.Documents;

/// <summary>
/// The QR as a phone sees it: the printed page rasterised by poppler, decoded by zbar. The renderer proves
/// each code against ZXing as a perfect image; on a 300 dpi raster ZXing still misses about 1 code in 75
/// that zbar reads (measured over 150 documents), so pages of random signatures are read by zbar, and
/// ZXing reads the page of a fixed payload.
/// </summary>
public class QrOnPageTests
{
    [Theory]
    [InlineData(150)]
    [InlineData(300)]
    public void The_QR_on_the_rendered_page_decodes_to_the_signed_payload_which_verifies(int dpi)
    {
        using var ring = DocumentSamples.Ring();
        var (content, payload) = IssuedDocumentSamples.Create(IssuedDocumentSamples.AllDetails[0], ring);
        var pdf = new IssuedDocumentRenderer().Render(content);

        var decoded = Poppler.QrTextByZbar(pdf, dpi);

        Assert.Equal(content.SignedPayload, decoded);
        var verified = DocumentVerifier.Verify(decoded, ring);
        Assert.True(verified.IsValid, verified.Reason);
        Assert.Equal(payload, verified.Payload);
    }

    // ZXing reads none of this payload's error-correction-M codes, even as a perfect image (zbar does);
    // found among 200 random payloads of a signed document's length.
    private const string PayloadZxingCannotReadAtLevelM =
        "CED1:XV/ZI7L5P7IS8$PEPV%BEJM:MSCTVK13CFMF6OH3/JE$QU:XUJ3+-%*D8/CZ+$I45FF%E970DZC*4UI$TN/CH66IK867BR761AVAE6JLB2Q5Q:8NPK5G%5V:9-I53:YVR5%*/8MN4M0FO0$K:RR L D+NW1HXDHBC+MK6EPH.RBF4GK84.6KH.9 $.FA75Z 5X2TMHDU1A**O. 6C$DZ7-*FUVR8/EA $KAFEZVVTKI73FB+69/E$0T8*W/ Y5VV:214WK$L6Q5VMWBFKW2YG+:$ 2LR$+-NXW71D78UHM8A*.U7KSF23.F429CT:9TBTR.ZOA1COG";

    [Fact]
    public void A_payload_whose_usual_code_ZXing_cannot_read_is_printed_in_a_code_it_reads()
    {
        using var ring = DocumentSamples.Ring();
        var (content, _) = IssuedDocumentSamples.Create(IssuedDocumentSamples.AllDetails[0], ring);

        var pdf = new IssuedDocumentRenderer().Render(content with { SignedPayload = PayloadZxingCannotReadAtLevelM });

        Assert.Equal(PayloadZxingCannotReadAtLevelM, DecodeQr(Poppler.FirstPageGray(pdf, 150)));
    }

    [Fact]
    public void A_QR_from_another_key_on_an_otherwise_identical_page_does_not_verify()
    {
        using var ring = DocumentSamples.Ring();
        using var forger = DocumentSamples.Ring();
        var (content, _) = IssuedDocumentSamples.Create(IssuedDocumentSamples.AllDetails[0], forger);

        var decoded = Poppler.QrTextByZbar(new IssuedDocumentRenderer().Render(content), 150);

        Assert.Equal(DocumentVerificationFailure.BadSignature, DocumentVerifier.Verify(decoded, ring).Failure);
    }

    private static string DecodeQr((byte[] Gray, int Width, int Height) page)
    {
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        var result = reader.Decode(new RGBLuminanceSource(page.Gray, page.Width, page.Height, RGBLuminanceSource.BitmapFormat.Gray8));
        Assert.NotNull(result);
        return result.Text;
    }
}
