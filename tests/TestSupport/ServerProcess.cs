using System.Diagnostics;
using System.Text;
using CityEServices.Stack.Processes;

namespace CityEServices.TestSupport;

/// <summary>
/// One server started from a script in AppHost/servers. Stopped with a signal (SIGTERM unless the
/// server wants another; SIGKILL only when it does not stop in time), so the servers shut down
/// cleanly and the scripts can clean up after them (RabbitMQ's epmd).
/// </summary>
/// <param name="stopSignal">
/// The signal that stops the server itself. When the script runs it through runuser (PostgreSQL as
/// root), the signal goes to runuser's child: runuser answers SIGTERM by SIGKILLing its child two
/// seconds later, which is a crash, not a shutdown.
/// </param>
/// <param name="dataDirectory">Throwaway data, deleted once the server has stopped for good (DisposeAsync).</param>
/// <param name="epmdPort">RabbitMQ's private Erlang port mapper, a daemon outside the process tree.</param>
/// <remarks>
/// Every process of the server is written to a ledger in .city/processes as it starts, so that when a
/// test host dies without disposing it, `./city test` ends exactly those processes afterwards.
/// </remarks>
public sealed class ServerProcess(
    string name,
    string script,
    IReadOnlyList<string> arguments,
    Func<CancellationToken, Task<bool>> isReady,
    int stopSignal = ServerProcess.SigTerm,
    string? dataDirectory = null,
    int? epmdPort = null) : IAsyncDisposable
{
    public const int SigInt = TrackedProcess.SigInt;
    public const int SigTerm = TrackedProcess.SigTerm;

    private readonly StringBuilder _output = new();
    private Process? _process;
    private Ledger? _ledger;

    public string Name => name;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync(TimeSpan timeout)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{name} is already running");
        }

        // A restart (StartAgainAsync after StopAsync) replaces the exited process.
        _process?.Dispose();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryPaths.ServerScript(script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        Record(_process.Id);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(timeout);
        while (!cts.IsCancellationRequested)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                if (await isReady(cts.Token))
                {
                    Record(_process.Id);
                    return;
                }
            }
            catch (Exception) when (!cts.IsCancellationRequested)
            {
                // not ready yet
            }

            await Task.Delay(100, CancellationToken.None);
        }

        throw new TimeoutException($"{name} was not ready within {timeout}:\n{Output}");
    }

    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        var patience = timeout ?? TimeSpan.FromSeconds(30);
        TrackedProcess.Find(ServerPid(_process.Id), name)?.Signal(stopSignal);
        using var cts = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Said in the output, which a failing test shows: a killed server restarts through crash recovery.
            Append($"[{name} did not stop within {patience.TotalSeconds:F0} s; killed]");
            var tree = TrackedProcess.Find(_process.Id, name) is { } script ? script.Descendants().Prepend(script).ToList() : [];
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
            // Until init has reaped them, killed processes stay in the process table, and PostgreSQL started
            // again on the same data takes such a zombie for a running server ("lock file already exists").
            await Eventually.UntilAsync(() => Task.FromResult(!tree.Any(p => Directory.Exists($"/proc/{p.Pid}"))), TimeSpan.FromSeconds(30),
                $"every process of the killed {name} gone");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        var stopped = _process is null || _process.HasExited;
        _process?.Dispose();
        _process = null;
        if (stopped)
        {
            _ledger?.Delete();
        }

        // Each run makes new folders (a PostgreSQL one is ~40 MB): without this they pile up in /tmp.
        if (stopped && dataDirectory is not null && Directory.Exists(dataDirectory))
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Append($"could not delete {dataDirectory}: {ex.Message}");
            }
        }
    }

    /// <summary>The server's own process: the script's process, or its child when that is runuser.</summary>
    private static int ServerPid(int pid)
    {
        try
        {
            if (File.ReadAllText($"/proc/{pid}/comm").Trim() == "runuser"
                && File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var child, ..])
            {
                return int.Parse(child);
            }
        }
        catch (IOException)
        {
            // Gone already, or no /proc: signal the process we started.
        }

        return pid;
    }

    /// <summary>The script's process and, once they exist, the ones it started (runuser, the server, its workers).</summary>
    private void Record(int pid)
    {
        _ledger ??= Ledger.Create(Ledger.DirectoryUnder(RepositoryPaths.Root), $"tests-{name}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}", stopsOnSigterm: false);
        if (TrackedProcess.Find(pid, name) is not { } script)
        {
            return;
        }

        _ledger.Update(r =>
        {
            foreach (var process in script.Descendants().Prepend(script))
            {
                if (!r.Processes.Any(p => p.Pid == process.Pid && p.StartTicks == process.StartTicks))
                {
                    r.Processes.Add(new ProcessEntry(process.Pid, process.StartTicks, name));
                }
            }

            if (epmdPort is { } port && !r.EpmdPorts.Contains(port))
            {
                r.EpmdPorts.Add(port);
            }

            if (dataDirectory is not null && !r.ThrowawayDirectories.Contains(dataDirectory))
            {
                r.ThrowawayDirectories.Add(dataDirectory);
            }
        });
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
