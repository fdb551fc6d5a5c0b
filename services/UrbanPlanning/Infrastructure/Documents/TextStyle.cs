using SkiaSharp;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>How a piece of a line looks.</summary>
internal sealed record TextStyle(SKTypeface Typeface, float Size, SKColor Color)
{
    public static TextStyle Regular(float size, SKColor? color = null) => new(DocumentFonts.Regular, size, color ?? SKColors.Black);

    public static TextStyle Bold(float size, SKColor? color = null) => new(DocumentFonts.Bold, size, color ?? SKColors.Black);

    public SKFont CreateFont() => new(Typeface, Size) { Subpixel = true, LinearMetrics = true };
}

/// <summary>A piece of a line in one style; <paramref name="Ltr"/> isolates it left-to-right (codes, masked IDs).</summary>
internal sealed record TextSpan(string Text, TextStyle Style, bool Ltr = false);
