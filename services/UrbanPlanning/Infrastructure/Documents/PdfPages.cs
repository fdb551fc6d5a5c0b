using UglyToad.PdfPig;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>
/// Page counts by a real PDF parser (PdfPig): it follows the cross-reference streams and compressed
/// object streams of PDF 1.5+, where a byte scan for <c>/Type /Page</c> finds nothing.
/// </summary>
public static class PdfPages
{
    /// <summary>The number of pages, or null when the stream is not a PDF PdfPig can open.</summary>
    public static int? Count(Stream pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = false });
            return document.NumberOfPages;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // PdfPig throws a variety of exception types for damaged input; any of them means "cannot tell".
            return null;
        }
    }
}
