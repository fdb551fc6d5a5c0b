using SkiaSharp;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>
/// Vazirmatn (SIL OFL 1.1, Fonts/OFL.txt), read once from the assembly's resources. It covers Persian
/// and Latin, so one family sets every line; nothing depends on the fonts a machine has installed.
/// </summary>
internal static class DocumentFonts
{
    private static readonly Lazy<SKTypeface> RegularFont = new(() => Load("Vazirmatn-Regular.ttf"));
    private static readonly Lazy<SKTypeface> BoldFont = new(() => Load("Vazirmatn-Bold.ttf"));

    public static SKTypeface Regular => RegularFont.Value;

    public static SKTypeface Bold => BoldFont.Value;

    private static SKTypeface Load(string file)
    {
        var name = $"CityEServices.UrbanPlanning.Documents.Fonts.{file}";
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the build.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"{file} is not a font Skia can read.");
    }
}
