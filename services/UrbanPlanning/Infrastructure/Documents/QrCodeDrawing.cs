using SkiaSharp;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>The QR code as vector squares: sharp at any print resolution, a few hundred bytes in the PDF.</summary>
internal static class QrCodeDrawing
{
    /// <summary>Draws <paramref name="text"/> in a square of <paramref name="size"/> points, quiet zone included.</summary>
    public static void Draw(SKCanvas canvas, string text, float left, float top, float size)
    {
        var matrix = ReadableQr.Matrix(text);
        var module = size / matrix.Length;
        using var builder = new SKPathBuilder();
        for (var row = 0; row < matrix.Length; row++)
        {
            // One rectangle per horizontal stretch of dark modules: no hairline seams between neighbours.
            for (var column = 0; column < matrix[row].Length; column++)
            {
                if (!matrix[row][column])
                {
                    continue;
                }

                var start = column;
                while (column + 1 < matrix[row].Length && matrix[row][column + 1])
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
