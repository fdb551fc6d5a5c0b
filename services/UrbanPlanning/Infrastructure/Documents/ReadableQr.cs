using QRCoder;
using ZXing;
using ZXing.Common;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>
/// The QR matrix for a payload, proven readable before it is printed. ZXing (the decoder inside many
/// Android scanners and libraries) cannot read about 1 signed payload in 30 even as a perfect image, though
/// zbar and the standard can: measured over 1,000 random payloads of a document's length, every one of
/// those read at another error-correction level. So each level is tried in turn until ZXing reads it back.
/// </summary>
internal static class ReadableQr
{
    // M first (15%: a folded or stamped paper still scans); Q and H correct more; L is the last resort.
    private static readonly QRCodeGenerator.ECCLevel[] Levels =
        [QRCodeGenerator.ECCLevel.M, QRCodeGenerator.ECCLevel.Q, QRCodeGenerator.ECCLevel.H, QRCodeGenerator.ECCLevel.L];

    private const int PixelsPerModule = 4;

    /// <summary>Dark modules, quiet zone included; the first level ZXing reads back (M if none does).</summary>
    public static bool[][] Matrix(string text)
    {
        bool[][]? first = null;
        foreach (var level in Levels)
        {
            // Byte mode, not alphanumeric: alphanumeric segments failed ZXing about 1 payload in 16.
            using var data = QRCodeGenerator.GenerateQrCode(text, level, forceUtf8: true);
            var matrix = data.ModuleMatrix.Select(row => row.Cast<bool>().ToArray()).ToArray();
            first ??= matrix;
            if (ReadsBack(matrix, text))
            {
                return matrix;
            }
        }

        return first!;
    }

    private static bool ReadsBack(bool[][] matrix, string text)
    {
        var size = matrix.Length * PixelsPerModule;
        var gray = new byte[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                gray[(y * size) + x] = matrix[y / PixelsPerModule][x / PixelsPerModule] ? (byte)0 : (byte)255;
            }
        }

        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        return reader.Decode(new RGBLuminanceSource(gray, size, size, RGBLuminanceSource.BitmapFormat.Gray8))?.Text == text;
    }
}
