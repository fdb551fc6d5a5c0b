using System.Text;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>
/// The source text Skia gets for a right-to-left run (see <see cref="ShapedLine"/>): reversed, so that
/// text extraction, which reverses right-to-left stretches letter by letter, restores the letters of a
/// multi-letter glyph in their order.
/// </summary>
public static class RtlClusterText
{
    /// <summary>
    /// The run's text with its characters in reverse order, and each glyph's cluster moved to where its
    /// characters now start: a cluster covering bytes [a, b) of the text covers [n − b, n − a) of the reversal.
    /// </summary>
    public static (byte[] Text, uint[] Clusters) Mirror(string text, byte[] utf8, uint[] clusters)
    {
        var reversed = new StringBuilder(text.Length);
        var runes = text.EnumerateRunes().ToArray();
        for (var i = runes.Length - 1; i >= 0; i--)
        {
            reversed.Append(runes[i].ToString());
        }

        var starts = clusters.Distinct().Order().ToArray();
        var mirrored = new uint[clusters.Length];
        for (var g = 0; g < clusters.Length; g++)
        {
            var next = Array.BinarySearch(starts, clusters[g]) + 1;
            var end = next < starts.Length ? starts[next] : (uint)utf8.Length;
            mirrored[g] = (uint)utf8.Length - end;
        }

        return (Encoding.UTF8.GetBytes(reversed.ToString()), mirrored);
    }
}
