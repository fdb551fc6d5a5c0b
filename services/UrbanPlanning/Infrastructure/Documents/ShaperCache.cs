using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>One HarfBuzz shaper per typeface for the length of one rendering (a shaper is not shared across threads).</summary>
internal sealed class ShaperCache : IDisposable
{
    private readonly Dictionary<SKTypeface, SKShaper> _shapers = [];

    public SKShaper For(SKTypeface typeface)
    {
        if (!_shapers.TryGetValue(typeface, out var shaper))
        {
            shaper = new SKShaper(typeface);
            _shapers.Add(typeface, shaper);
        }

        return shaper;
    }

    public void Dispose()
    {
        foreach (var shaper in _shapers.Values)
        {
            shaper.Dispose();
        }
    }
}
