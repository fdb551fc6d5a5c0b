using SkiaSharp;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>Writes lines down A4 pages, right-aligned by default, starting a new page when one is full.</summary>
internal sealed class PageWriter : IDisposable
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 48f;

    private readonly SKDocument _document;
    private readonly ShaperCache _shapers = new();
    private SKCanvas? _canvas;

    public PageWriter(SKDocument document)
    {
        _document = document;
        NewPage();
    }

    public int Pages { get; private set; }

    public float Y { get; private set; }

    public SKCanvas Canvas => _canvas!;

    public float Right => PageWidth - Margin;

    public float Left => Margin;

    public float ContentWidth => Right - Left;

    public ShapedLine Shape(params TextSpan[] spans) => ShapedLine.Shape(spans, _shapers);

    /// <summary>Writes one line, right-aligned at <paramref name="right"/> (the page's right margin by default).</summary>
    public void Line(ShapedLine line, float height, float? right = null)
    {
        MakeRoom(height);
        line.Draw(Canvas, (right ?? Right) - line.Width, Y + (height * 0.75f));
        Y += height;
    }

    public void Centered(ShapedLine line, float height)
    {
        MakeRoom(height);
        line.Draw(Canvas, Left + ((ContentWidth - line.Width) / 2), Y + (height * 0.75f));
        Y += height;
    }

    /// <summary>
    /// A label and a value that may need several lines: words are added while the line fits, the label
    /// stays on the first line, following lines are indented under the value.
    /// </summary>
    public void Field(TextSpan label, TextSpan value, float height)
    {
        var words = value.Ltr ? [value.Text] : value.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = true;
        var indent = Shape(label with { Text = label.Text + " " }).Width;
        for (var i = 0; i < words.Length;)
        {
            var taken = 1;
            var available = first ? ContentWidth : ContentWidth - indent;
            while (i + taken < words.Length && Measure(first, label, value, words, i, taken + 1) <= available)
            {
                taken++;
            }

            var text = string.Join(' ', words, i, taken);
            if (first)
            {
                Line(Shape(label with { Text = label.Text + " " }, value with { Text = text }), height);
            }
            else
            {
                Line(Shape(value with { Text = text }), height, Right - indent);
            }

            first = false;
            i += taken;
        }
    }

    public void Rule(float gap)
    {
        MakeRoom(2 * gap);
        Y += gap;
        using var paint = new SKPaint { Color = new SKColor(0x99, 0x99, 0x99), StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke };
        Canvas.DrawLine(Left, Y, Right, Y, paint);
        Y += gap;
    }

    public void Skip(float height) => Y += height;

    public void MoveTo(float y) => Y = y;

    public void Dispose() => _shapers.Dispose();

    private float Measure(bool first, TextSpan label, TextSpan value, string[] words, int start, int count)
    {
        var text = string.Join(' ', words, start, count);
        return first
            ? Shape(label with { Text = label.Text + " " }, value with { Text = text }).Width
            : Shape(value with { Text = text }).Width;
    }

    private void MakeRoom(float height)
    {
        if (Y + height > PageHeight - Margin)
        {
            _document.EndPage();
            NewPage();
        }
    }

    private void NewPage()
    {
        _canvas = _document.BeginPage(PageWidth, PageHeight);
        Pages++;
        Y = Margin;
    }
}
