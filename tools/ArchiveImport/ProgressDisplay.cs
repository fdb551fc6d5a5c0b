using System.Diagnostics;
using System.Globalization;

namespace CityEServices.ArchiveImport;

/// <summary>
/// A progress bar with rows, throughput and ETA, from bytes processed over elapsed time. On a terminal
/// it redraws one line; redirected (a log, a test) it writes a line per row.
/// </summary>
public sealed class ProgressDisplay(TextWriter output, bool redraw, long totalBytes, int totalRows)
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _bytes;
    private int _rows;

    public int Imported { get; private set; }

    public int Skipped { get; private set; }

    public int Rejected { get; private set; }

    public void Row(RowResult result, long bytes)
    {
        _rows++;
        _bytes += bytes;
        switch (result.Outcome)
        {
            case RowOutcome.Imported: Imported++; break;
            case RowOutcome.Skipped: Skipped++; break;
            default: Rejected++; break;
        }

        var line = Render();
        if (redraw)
        {
            output.Write("\r" + line);
        }
        else
        {
            output.WriteLine(line);
        }
    }

    public void Finish()
    {
        if (redraw)
        {
            output.WriteLine();
        }
    }

    public string Render()
    {
        var fraction = totalBytes > 0 ? Math.Min(1.0, (double)_bytes / totalBytes) : (totalRows > 0 ? (double)_rows / totalRows : 1.0);
        var filled = (int)Math.Round(fraction * Width);
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var rate = _bytes / seconds;
        var remaining = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, totalBytes - _bytes) / rate) : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,3:F0}% {_rows}/{totalRows} rows  {rate / 1024 / 1024:F1} MB/s  ETA {remaining:hh\\:mm\\:ss}  imported {Imported}, skipped {Skipped}, rejected {Rejected}");
    }
}
