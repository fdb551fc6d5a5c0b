namespace CityEServices.Stack.Processes;

/// <summary>Ends whatever a ledger recorded that still runs, then its epmd daemons and throwaway folders.</summary>
internal static class Leftovers
{
    /// <summary>
    /// The outermost processes first, with SIGTERM, so each ends the way it is meant to (the server
    /// scripts stop PostgreSQL with a fast shutdown, the orchestrator stops what it started); then every
    /// process still alive gets SIGTERM; whatever outlives <paramref name="grace"/> after that gets SIGKILL.
    /// </summary>
    public static async Task EndAsync(LedgerRecord record, TimeSpan grace, Action<string>? say = null)
    {
        var alive = record.Processes.Select(p => p.Process).Where(p => p.IsAlive).ToList();
        if (alive.Count > 0)
        {
            say?.Invoke($"{record.Name}: ending {alive.Count} process(es) left running: {string.Join(", ", alive.Select(p => $"{p.What} ({p.Pid})"))}");
            var pids = alive.Select(p => p.Pid).ToHashSet();
            foreach (var root in alive.Where(p => p.ParentPid is not { } parent || !pids.Contains(parent)))
            {
                root.Signal(TrackedProcess.SigTerm);
            }

            if (!await ExitedAsync(alive, grace))
            {
                alive.ForEach(p => p.Signal(TrackedProcess.SigTerm));
                if (!await ExitedAsync(alive, grace))
                {
                    say?.Invoke($"{record.Name}: killing {string.Join(", ", alive.Where(p => p.IsAlive).Select(p => $"{p.What} ({p.Pid})"))}");
                    alive.ForEach(p => p.Signal(TrackedProcess.SigKill));
                    await ExitedAsync(alive, TimeSpan.FromSeconds(5));
                }
            }
        }

        record.EpmdPorts.ForEach(Epmd.Kill);
        foreach (var directory in record.ThrowawayDirectories.Where(Directory.Exists))
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                say?.Invoke($"{record.Name}: could not delete {directory}: {ex.Message}");
            }
        }
    }

    /// <summary>Polls until every process has exited; false when some still run at the deadline.</summary>
    public static async Task<bool> ExitedAsync(IReadOnlyCollection<TrackedProcess> processes, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (processes.Any(p => p.IsAlive))
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
