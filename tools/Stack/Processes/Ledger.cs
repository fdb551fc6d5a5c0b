using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityEServices.Stack.Processes;

/// <summary>
/// What one owner (a ./city run or bench launcher, a test host) started, written to
/// <c>.city/processes/&lt;name&gt;.json</c> as it starts it: the processes by id and start time, the
/// private epmd ports, throwaway folders and, for a stack, each resource and its endpoints. When the
/// owner dies without cleaning up, the next <c>./city</c> (stop, run, bench, test) reads the file and
/// ends exactly those processes: nothing is found by searching the process table.
/// </summary>
internal sealed class Ledger
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Lock _lock = new();
    private string _written = "";

    private Ledger(string path, LedgerRecord record)
    {
        Path = path;
        Record = record;
    }

    public string Path { get; }

    public LedgerRecord Record { get; }

    public static string DirectoryUnder(string repositoryRoot) => System.IO.Path.Combine(repositoryRoot, ".city", "processes");

    /// <summary>A new ledger owned by this process. <paramref name="stopsOnSigterm"/>: the owner is a launcher that SIGTERM stops cleanly.</summary>
    public static Ledger Create(string directory, string name, bool stopsOnSigterm)
    {
        Directory.CreateDirectory(directory);
        var owner = TrackedProcess.Current;
        var ledger = new Ledger(System.IO.Path.Combine(directory, name + ".json"), new LedgerRecord
        {
            Name = name,
            Owner = new ProcessEntry(owner.Pid, owner.StartTicks, "owner"),
            StopsOnSigterm = stopsOnSigterm,
        });
        ledger.Save();
        return ledger;
    }

    /// <summary>Every ledger in the folder, with where it was read from; unreadable files are skipped.</summary>
    public static IReadOnlyList<(string Path, LedgerRecord Record)> ReadAll(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var ledgers = new List<(string, LedgerRecord)>();
        foreach (var file in Directory.GetFiles(directory, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<LedgerRecord>(File.ReadAllText(file), Json) is { } record)
                {
                    ledgers.Add((file, record));
                }
            }
            catch (Exception ex) when (ex is IOException or JsonException)
            {
                // Being rewritten, or not one of ours.
            }
        }

        return ledgers;
    }

    /// <summary>Records a process (once) and writes the file when anything changed.</summary>
    public void Track(TrackedProcess process) => Update(r =>
    {
        if (!r.Processes.Any(p => p.Pid == process.Pid && p.StartTicks == process.StartTicks))
        {
            r.Processes.Add(new ProcessEntry(process.Pid, process.StartTicks, process.What));
        }
    });

    public void Update(Action<LedgerRecord> change)
    {
        lock (_lock)
        {
            change(Record);
            Save();
        }
    }

    /// <summary>The owner has stopped everything itself: nothing is left to find.</summary>
    public void Delete()
    {
        lock (_lock)
        {
            File.Delete(Path);
            _written = "";
        }
    }

    private void Save()
    {
        var json = JsonSerializer.Serialize(Record, Json);
        if (json == _written)
        {
            return;
        }

        // Written aside and renamed, so a reader never sees half a file.
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, Path, overwrite: true);
        _written = json;
    }
}

internal sealed class LedgerRecord
{
    public string Name { get; set; } = "";

    public ProcessEntry Owner { get; set; } = new(0, 0, "owner");

    /// <summary>The owner is a launcher: SIGTERM makes it stop its stack and delete this file.</summary>
    public bool StopsOnSigterm { get; set; }

    public List<ProcessEntry> Processes { get; set; } = [];

    /// <summary>Ports of RabbitMQ's private Erlang port mappers: a daemon outside the process tree, stopped by port.</summary>
    public List<int> EpmdPorts { get; set; } = [];

    /// <summary>Data folders that exist only for this owner and go with it.</summary>
    public List<string> ThrowawayDirectories { get; set; } = [];

    /// <summary>For a stack: each AppHost resource, its state and endpoints, as the AppHost reports them.</summary>
    public List<ResourceEntry>? Resources { get; set; }

    [JsonIgnore]
    public TrackedProcess OwnerProcess => new(Owner.Pid, Owner.StartTicks, "owner");
}

internal sealed record ProcessEntry(int Pid, long StartTicks, string What)
{
    [JsonIgnore]
    public TrackedProcess Process => new(Pid, StartTicks, What);
}

internal sealed record ResourceEntry(string Name, string Type, string? State, string? Health, IReadOnlyDictionary<string, string> Endpoints, IReadOnlyList<int> Pids);
