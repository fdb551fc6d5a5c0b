using CityEServices.UrbanPlanning.Domain.Documents;
using CityEServices.UrbanPlanning.Infrastructure.Documents;
using ZXing;
using ZXing.Common;

namespace CityEServices.UrbanPlanning.Tests.Documents;

/// <summary>The QR as a phone sees it: the printed page rasterised by poppler, decoded by ZXing.</summary>
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

        var decoded = DecodeQr(Poppler.FirstPageGray(pdf, dpi));

        Assert.Equal(content.SignedPayload, decoded);
        var verified = DocumentVerifier.Verify(decoded, ring);
        Assert.True(verified.IsValid, verified.Reason);
        Assert.Equal(payload, verified.Payload);
    }

    [Fact]
    public void A_QR_from_another_key_on_an_otherwise_identical_page_does_not_verify()
    {
        using var ring = DocumentSamples.Ring();
        using var forger = DocumentSamples.Ring();
        var (content, _) = IssuedDocumentSamples.Create(IssuedDocumentSamples.AllDetails[0], forger);

        var decoded = DecodeQr(Poppler.FirstPageGray(new IssuedDocumentRenderer().Render(content), 150));

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
