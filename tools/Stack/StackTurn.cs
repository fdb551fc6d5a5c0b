using System.Diagnostics;
using CityEServices.Stack.Processes;

namespace CityEServices.Stack;

/// <summary>
/// Test stacks on one machine take turns. Each is some fifteen processes and three servers; two at once
/// on two cores stretched every start-up and request past the tests' deadlines (a replica stack started
/// beside the fault stack took three minutes, then its gateway went unanswered), so a stack waits for
/// its turn while the test assemblies without one run on. The turn is a lock on a file, held for the
/// stack's life: the kernel lets go of it when its test host ends, however it ends.
/// </summary>
public static class StackTurn
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);

    /// <summary>The machine's turn file, beside the stacks' ledgers.</summary>
    public static string DefaultPath => Path.Combine(Ledger.DirectoryUnder(Repository.Root), "test-stack.turn");

    /// <summary>Waits for the turn at <paramref name="path"/>; disposing the stream gives it back.</summary>
    public static async Task<FileStream> WaitAsync(string path, string stack, Action<string>? say, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var waiting = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Linux: refused while another process holds it.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waiting.Elapsed < Patience)
            {
                if (!told)
                {
                    say?.Invoke($"{stack}: another test stack is running; waiting for its turn");
                    told = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }
}
