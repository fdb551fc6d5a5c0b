using System.Globalization;
using System.Runtime.InteropServices;

namespace CityEServices.Stack.Processes;

/// <summary>
/// A process known by its id and the moment it started (clock ticks since boot, from /proc), so a pid
/// the kernel has since given to another process is never mistaken for it.
/// </summary>
internal readonly partial record struct TrackedProcess(int Pid, long StartTicks, string What)
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>The process with this id as it is now, or null when there is none (or only its zombie).</summary>
    public static TrackedProcess? Find(int pid, string what) =>
        StartTicksOf(pid) is { } start ? new TrackedProcess(pid, start, what) : null;

    public static TrackedProcess Current { get; } = Find(Environment.ProcessId, "owner")
        ?? new TrackedProcess(Environment.ProcessId, 0, "owner");

    /// <summary>Still the same process, and not yet exited.</summary>
    public bool IsAlive => StartTicks != 0 && StartTicksOf(Pid) == StartTicks;

    /// <summary>Sends a signal, only to this very process.</summary>
    public bool Signal(int signal) => IsAlive && Kill(Pid, signal) == 0;

    /// <summary>Children, grandchildren…, each with its own start time.</summary>
    public IReadOnlyList<TrackedProcess> Descendants()
    {
        var found = new List<TrackedProcess>();
        var pending = new Stack<int>();
        pending.Push(Pid);
        while (pending.Count > 0)
        {
            foreach (var child in ChildrenOf(pending.Pop()))
            {
                if (Find(child, What) is { } process)
                {
                    found.Add(process);
                    pending.Push(child);
                }
            }
        }

        return IsAlive ? found : [];
    }

    /// <summary>Resident memory in MB, or null once the process has gone.</summary>
    public long? ResidentMegabytes()
    {
        var status = Read($"/proc/{Pid}/status");
        if (!IsAlive || status is null)
        {
            return null;
        }

        var line = status.Split('\n').FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : (long)Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0);
    }

    /// <summary>The executable's short name (comm), e.g. "dcp" or "postgres".</summary>
    public string? Name => IsAlive ? Read($"/proc/{Pid}/comm")?.Trim() : null;

    public int? ParentPid => IsAlive && StatFields(Pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    private static long? StartTicksOf(int pid) =>
        StatFields(pid) is { } fields && fields[0] != "Z" && fields[0] != "X"
            ? long.Parse(fields[19], CultureInfo.InvariantCulture)
            : null;

    // /proc/<pid>/stat: "pid (comm) state ppid … starttime …"; comm may hold spaces and parentheses, so
    // the fields are counted from the last ')': state is [0], the parent [1], the start time [19].
    private static string[]? StatFields(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var end = stat?.LastIndexOf(')') ?? -1;
        if (stat is null || end < 0 || end + 2 >= stat.Length)
        {
            return null;
        }

        var fields = stat[(end + 2)..].Split(' ');
        return fields.Length > 19 ? fields : null;
    }

    private static IEnumerable<int> ChildrenOf(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        return tasks.SelectMany(task => (Read(Path.Combine(task, "children")) ?? "")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(child => int.Parse(child, CultureInfo.InvariantCulture))
            .Distinct();
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
