using System.Diagnostics;
using System.Text;

namespace CityEServices.UrbanPlanning.Tests.Documents;

/// <summary>
/// poppler-utils (Debian's <c>pdftotext</c>, <c>pdftoppm</c>) and zbar-tools (<c>zbarimg</c>): what a reader's
/// tools make of our PDFs. ./city test installs the packages; a machine without them fails these tests
/// rather than skipping them.
/// </summary>
internal static class Poppler
{
    /// <summary>The page text in reading order (pdftotext without -layout), bidi control marks removed.</summary>
    public static string Text(byte[] pdf, bool layout = false)
    {
        using var file = new TempFile(".pdf", pdf);
        var text = Run("pdftotext", layout ? ["-layout", "-enc", "UTF-8", file.Path, "-"] : ["-enc", "UTF-8", file.Path, "-"]);
        // poppler wraps right-to-left lines and left-to-right stretches in RLE/LRE … PDF marks.
        return new string([.. text.Where(c => c is not ('\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u200E' or '\u200F'))]);
    }

    /// <summary>The first page rasterised at <paramref name="dpi"/>, as 8-bit grey levels row by row.</summary>
    public static (byte[] Gray, int Width, int Height) FirstPageGray(byte[] pdf, int dpi)
    {
        using var file = new TempFile(".pdf", pdf);
        var prefix = Path.Combine(Path.GetTempPath(), $"page-{Guid.NewGuid():N}");
        Run("pdftoppm", ["-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", file.Path, prefix]);
        try
        {
            return ReadPgm(File.ReadAllBytes(prefix + ".pgm"));
        }
        finally
        {
            File.Delete(prefix + ".pgm");
        }
    }

    /// <summary>
    /// The QR on the first page rasterised at <paramref name="dpi"/>, as zbar reads it: the C decoder behind
    /// many scanning apps, independent of the ZXing the renderer checks its codes with.
    /// </summary>
    public static string QrTextByZbar(byte[] pdf, int dpi)
    {
        using var file = new TempFile(".pdf", pdf);
        var prefix = Path.Combine(Path.GetTempPath(), $"page-{Guid.NewGuid():N}");
        Run("pdftoppm", ["-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", file.Path, prefix]);
        try
        {
            // --raw: the payload alone, no "QR-Code:" prefix; zbarimg ends with 4 when it finds no code.
            return Run("zbarimg", ["-q", "--raw", "-Sdisable", "-Sqrcode.enable", prefix + ".pgm"]).TrimEnd('\n');
        }
        finally
        {
            File.Delete(prefix + ".pgm");
        }
    }

    /// <summary>Binary PGM (P5): a text header "P5 width height maxval" and one byte per pixel.</summary>
    private static (byte[] Gray, int Width, int Height) ReadPgm(byte[] pgm)
    {
        var fields = new List<int>();
        var at = 2;
        while (fields.Count < 3)
        {
            while (char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }

            var start = at;
            while (!char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }

            fields.Add(int.Parse(Encoding.ASCII.GetString(pgm, start, at - start), System.Globalization.CultureInfo.InvariantCulture));
        }

        var (width, height) = (fields[0], fields[1]);
        return (pgm.AsSpan(at + 1, width * height).ToArray(), width, height);
    }

    private static string Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is missing: install Debian's poppler-utils and zbar-tools (./city test does).", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                throw new TimeoutException($"{tool} took over a minute.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result}");
            }

            return stdout.Result;
        }
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(string extension, byte[] content)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"doc-{Guid.NewGuid():N}{extension}");
            File.WriteAllBytes(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
