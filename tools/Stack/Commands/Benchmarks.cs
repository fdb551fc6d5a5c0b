using System.Diagnostics;

namespace CityEServices.Stack.Commands;

/// <summary>
/// Every bench/&lt;name&gt;/run.sh against the running stack, three minutes each at most (the event hop's minute
/// of warm-up included), its output kept in .city/; the long ones (the sizing mix, six minutes) only when
/// named (./city bench mix, CITY_BENCH_ONLY).
/// </summary>
internal static class Benchmarks
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private static readonly Dictionary<string, TimeSpan> Long = new(StringComparer.Ordinal) { ["mix"] = TimeSpan.FromMinutes(6) };

    /// <summary>Runs them in name order and adds their figures; false when one failed.</summary>
    public static async Task<bool> RunAsync(IReadOnlyDictionary<string, string> environment, IReadOnlySet<string>? only, Figures figures, CancellationToken cancellationToken)
    {
        var succeeded = true;
        var scripts = Directory.GetDirectories(Path.Combine(Repository.Root, "bench"))
            .Select(folder => Path.Combine(folder, "run.sh"))
            .Where(File.Exists)
            .OrderBy(script => script, StringComparer.Ordinal);
        foreach (var script in scripts)
        {
            var name = Path.GetFileName(Path.GetDirectoryName(script))!;
            if (only is null ? Long.ContainsKey(name) : !only.Contains(name))
            {
                continue;
            }

            Say.Line($"benchmark {name}");
            var (exitCode, output, errors) = await RunScriptAsync(script, environment, Long.GetValueOrDefault(name, Limit), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(Repository.State, $"bench-{name}.out"), output, CancellationToken.None);
            await File.WriteAllTextAsync(Path.Combine(Repository.State, $"bench-{name}.err"), errors, CancellationToken.None);
            if (exitCode != 0)
            {
                Say.Line($"benchmark {name} failed (exit {exitCode}); its stderr:");
                Console.Error.WriteLine(string.Join('\n', errors.Split('\n').TakeLast(21)));
                succeeded = false;
            }

            figures.AddFrom(output);
        }

        return succeeded;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(string script, IReadOnlyDictionary<string, string> environment, TimeSpan limit, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return (124, await output, await errors + $"\n(stopped after {limit.TotalSeconds:F0} s)");
        }

        return (process.ExitCode, await output, await errors);
    }
}
