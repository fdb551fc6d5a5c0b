using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CityEServices.TestSupport;

/// <summary>
/// One server started from a script in AppHost/servers. Stopped with SIGTERM (never SIGKILL), so the
/// servers shut down cleanly and the scripts can clean up after them (RabbitMQ's epmd).
/// </summary>
public sealed partial class ServerProcess(string name, string script, IReadOnlyList<string> arguments, Func<CancellationToken, Task<bool>> isReady) : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public string Name => name;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryPaths.ServerScript(script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
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

        _ = Kill(_process.Id, 15);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
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

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
