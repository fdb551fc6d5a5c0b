namespace CityEServices.Bench;

internal static class Percentiles
{
    /// <summary>The nearest-rank <paramref name="p"/>th percentile of values sorted ascending (never interpolated: a figure that was measured).</summary>
    public static double Of(IReadOnlyList<double> sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
