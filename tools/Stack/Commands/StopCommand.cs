using CityEServices.Stack.Processes;

namespace CityEServices.Stack.Commands;

/// <summary>
/// Stops what this checkout's ledgers (.city/processes/*.json) recorded. A live launcher (./city run,
/// ./city bench) gets SIGTERM and stops its own stack; whatever a dead owner (killed launcher, crashed
/// test host) left is ended by process id. A live test host is left alone: its run is still going.
/// With --abandoned only dead owners' leftovers are ended.
/// </summary>
internal static class StopCommand
{
    public static async Task<int> RunAsync(bool abandonedOnly)
    {
        var directory = Ledger.DirectoryUnder(Repository.Root);
        foreach (var (path, found) in Ledger.ReadAll(directory))
        {
            var record = found;
            if (record.OwnerProcess.IsAlive)
            {
                if (abandonedOnly || !record.StopsOnSigterm)
                {
                    continue;
                }

                Say.Line($"stopping {record.Name} (pid {record.Owner.Pid})");
                record.OwnerProcess.Signal(TrackedProcess.SigTerm);
                if (!await Leftovers.ExitedAsync([record.OwnerProcess], TimeSpan.FromSeconds(90)))
                {
                    Say.Line($"{record.Name} did not stop within 90 s");
                    record.OwnerProcess.Signal(TrackedProcess.SigKill);
                }

                // Gone: it stopped everything itself. Otherwise its last word on what it had started.
                if (Ledger.ReadAll(directory).FirstOrDefault(l => l.Path == path).Record is not { } last)
                {
                    continue;
                }

                record = last;
            }

            await Leftovers.EndAsync(record, TimeSpan.FromSeconds(20), Say.Line);
            File.Delete(path);
        }

        return 0;
    }
}
