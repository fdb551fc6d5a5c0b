using System.Text.Json;

namespace CityEServices.ArchiveImport;

public enum RowOutcome
{
    Imported,
    Skipped,
    Rejected,
}

public sealed record RowResult(int Line, string Key, string Path, RowOutcome Outcome, string? Sha256, Guid? DocumentId, string? Reason);

/// <summary>
/// What earlier runs finished, one JSON line per row, appended and flushed as each row ends: killed at
/// any point, a rerun redoes at most the row that was in flight (and the archive's dedup answers that).
/// Rejected rows are not "finished": a rerun tries them again, after the scan or the manifest was fixed.
/// </summary>
public sealed class ImportState : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, RowResult> _done;
    private readonly StreamWriter _writer;

    private ImportState(string path, Dictionary<string, RowResult> done)
    {
        Path = path;
        _done = done;
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public string Path { get; }

    public int FinishedEarlier => _done.Count;

    public static ImportState Open(string path)
    {
        var done = new Dictionary<string, RowResult>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                // A line cut short by a kill is ignored: that row is simply done again.
                RowResult? result;
                try
                {
                    result = JsonSerializer.Deserialize<RowResult>(line, Json);
                }
                catch (JsonException)
                {
                    continue;
                }

                if (result is { Outcome: RowOutcome.Imported or RowOutcome.Skipped })
                {
                    done[result.Key] = result;
                }
            }
        }

        return new ImportState(path, done);
    }

    public RowResult? Finished(ManifestRow row) => _done.GetValueOrDefault(row.Key);

    public void Record(RowResult result)
    {
        _writer.WriteLine(JsonSerializer.Serialize(result, Json));
        if (result.Outcome is RowOutcome.Imported or RowOutcome.Skipped)
        {
            _done[result.Key] = result;
        }
    }

    public void Dispose() => _writer.Dispose();
}
