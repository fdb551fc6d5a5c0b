using System.Text;

namespace CityEServices.ArchiveImport;

/// <summary>One row of the manifest: a scan and what it is.</summary>
public sealed record ManifestRow(int Line, string Path, string Category, string? RenovationCode, string? FileNumber, string Title, string? ScannedDate)
{
    /// <summary>What identifies the row across runs (line numbers shift when a manifest is edited; these fields do not).</summary>
    public string Key => string.Join('|', Path, Category, RenovationCode, FileNumber, Title);
}

/// <summary>
/// The CSV manifest: a header naming the columns (path, category, renovationCode, fileNumber, title,
/// scannedDate; any order, case-insensitive), then one row per scan. RFC 4180 quoting, UTF-8.
/// </summary>
public static class Manifest
{
    public static readonly string[] Columns = ["path", "category", "renovationCode", "fileNumber", "title", "scannedDate"];

    public static IReadOnlyList<ManifestRow> Read(string csvPath)
    {
        using var reader = new StreamReader(csvPath, Encoding.UTF8);
        var records = Parse(reader).ToList();
        if (records.Count == 0)
        {
            throw new FormatException($"{csvPath} is empty: it needs a header row ({string.Join(", ", Columns)}).");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        int Index(string name) => header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        var missing = new[] { "path", "category", "title" }.Where(c => Index(c) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{csvPath}: the header lacks {string.Join(", ", missing)}.");
        }

        string? Field(IReadOnlyList<string> fields, string name)
        {
            var i = Index(name);
            return i >= 0 && i < fields.Count && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;
        }

        return [.. records.Skip(1)
            .Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f)))
            .Select(r => new ManifestRow(r.Line, Field(r.Fields, "path") ?? string.Empty, Field(r.Fields, "category") ?? string.Empty,
                Field(r.Fields, "renovationCode"), Field(r.Fields, "fileNumber"), Field(r.Fields, "title") ?? string.Empty, Field(r.Fields, "scannedDate")))];
    }

    /// <summary>Records with the line each starts on; quoted fields may hold commas, quotes ("") and line breaks.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Parse(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var start = 1;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return (start, fields);
                fields = [];
                line++;
                start = line;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
