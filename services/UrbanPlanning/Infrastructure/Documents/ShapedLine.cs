using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using Buffer = HarfBuzzSharp.Buffer;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>
/// One line of a right-to-left paragraph, split into directional runs (<see cref="BidiLevels"/>), each
/// shaped by HarfBuzz and laid out in visual order, ready to draw.
/// </summary>
/// <remarks>
/// How the text gets back out of the PDF. Skia writes each glyph with the font's ToUnicode map, and —
/// when a run carries its source text and HarfBuzz's cluster map — wraps every glyph whose map entry is
/// not its text (joining forms, ligatures) in <c>/Span &lt;&lt;/ActualText …&gt;&gt;</c>, so extraction gets the
/// letters back rather than presentation forms. Glyphs of an RTL run sit in visual order (left to
/// right), and <c>pdftotext</c> turns visual order into logical order by reversing each RTL stretch
/// character by character. That would also reverse the letters of a multi-letter glyph (lam-alef, the
/// «الله» ligature), so RTL runs hand Skia their text reversed, with the cluster map mirrored to match:
/// each cluster's letters then arrive in visual order and come out right after the reversal, and the
/// clusters increase, so Skia also leaves out <c>/ReversedChars</c>, which poppler does not read.
/// </remarks>
internal sealed class ShapedLine
{
    private readonly IReadOnlyList<ShapedRun> _runs;

    private ShapedLine(IReadOnlyList<ShapedRun> runs)
    {
        _runs = runs;
        Width = runs.Sum(r => r.Width);
    }

    public float Width { get; }

    public static ShapedLine Shape(IReadOnlyList<TextSpan> spans, ShaperCache shapers)
    {
        var text = new StringBuilder();
        var styleOf = new List<int>();
        var forceLtr = new List<bool>();
        for (var s = 0; s < spans.Count; s++)
        {
            text.Append(spans[s].Text);
            for (var i = 0; i < spans[s].Text.Length; i++)
            {
                styleOf.Add(s);
                forceLtr.Add(spans[s].Ltr);
            }
        }

        var line = text.ToString();
        var levels = BidiLevels.Resolve(line, forceLtr);
        var logical = new List<(int Start, int Length, byte Level, int Span)>();
        for (var i = 0; i < line.Length;)
        {
            var start = i;
            while (i < line.Length && levels[i] == levels[start] && styleOf[i] == styleOf[start])
            {
                i++;
            }

            logical.Add((start, i - start, levels[start], styleOf[start]));
        }

        var runs = logical.Select(r => ShapeRun(line.Substring(r.Start, r.Length), r.Level == BidiLevels.Rtl, spans[r.Span].Style, shapers)).ToList();
        return new ShapedLine(VisualOrder(runs, logical.Select(r => r.Level).ToList()));
    }

    /// <summary>Draws the line with its left edge at <paramref name="left"/>.</summary>
    public void Draw(SKCanvas canvas, float left, float baseline)
    {
        var x = left;
        foreach (var run in _runs)
        {
            run.Draw(canvas, x, baseline);
            x += run.Width;
        }
    }

    /// <summary>UAX #9 rule L2 for levels 1 and 2: reverse each stretch of level-2 runs, then the whole line.</summary>
    private static List<ShapedRun> VisualOrder(List<ShapedRun> runs, List<byte> levels)
    {
        var order = Enumerable.Range(0, runs.Count).ToList();
        for (var i = 0; i < order.Count;)
        {
            if (levels[order[i]] < BidiLevels.Ltr)
            {
                i++;
                continue;
            }

            var end = i;
            while (end < order.Count && levels[order[end]] >= BidiLevels.Ltr)
            {
                end++;
            }

            order.Reverse(i, end - i);
            i = end;
        }

        order.Reverse();
        return order.Select(i => runs[i]).ToList();
    }

    private static ShapedRun ShapeRun(string text, bool rtl, TextStyle style, ShaperCache shapers)
    {
        using var font = style.CreateFont();
        using var buffer = new Buffer();
        buffer.AddUtf8(text);
        buffer.GuessSegmentProperties();
        buffer.Direction = rtl ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.Language = new Language("fa");
        var shaped = shapers.For(style.Typeface).Shape(buffer, 0, 0, font);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var clusters = shaped.Clusters;
        if (rtl)
        {
            (utf8, clusters) = RtlClusterText.Mirror(text, utf8, clusters);
        }

        var glyphs = shaped.Codepoints.Select(g => (ushort)g).ToArray();
        return new ShapedRun(style, glyphs, shaped.Points, utf8, clusters, shaped.Width);
    }

    private sealed record ShapedRun(TextStyle Style, ushort[] Glyphs, SKPoint[] Positions, byte[] Utf8, uint[] Clusters, float Width)
    {
        public void Draw(SKCanvas canvas, float left, float baseline)
        {
            if (Glyphs.Length == 0)
            {
                return;
            }

            using var font = Style.CreateFont();
            using var builder = new SKTextBlobBuilder();
            var run = builder.AllocatePositionedTextRun(font, Glyphs.Length, Utf8.Length);
            Glyphs.CopyTo(run.Glyphs);
            var positions = run.Positions;
            for (var i = 0; i < Positions.Length; i++)
            {
                positions[i] = new SKPoint(left + Positions[i].X, Positions[i].Y);
            }

            Utf8.CopyTo(run.Text);
            Clusters.CopyTo(run.Clusters);
            using var blob = builder.Build();
            using var paint = new SKPaint { Color = Style.Color, IsAntialias = true };
            if (blob is not null)
            {
                canvas.DrawText(blob, 0, baseline, paint);
            }
        }
    }
}
