using System.Diagnostics;

namespace CityEServices.Deployment.Tests;

/// <summary>
/// deploy/kubernetes/create-secrets.sh run against a stand-in kubectl that records what it is asked to
/// create (and says no Secret exists yet), so the tests see every Secret, key and value the script makes.
/// </summary>
public sealed record CreatedSecret(string Name, string? Type, IReadOnlyDictionary<string, string> Values);

public sealed record ScriptRun(int ExitCode, string Output, IReadOnlyList<CreatedSecret> Secrets);

public static class SecretsScript
{
    /// <summary>Runs the script and expects it to succeed.</summary>
    public static async Task<IReadOnlyList<CreatedSecret>> CreateAsync(string overlay, IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = await RunAsync(overlay, environment);
        Assert.True(run.ExitCode == 0, $"create-secrets.sh {overlay} failed ({run.ExitCode}): {run.Output}");
        return run.Secrets;
    }

    public static async Task<ScriptRun> RunAsync(string overlay, IReadOnlyDictionary<string, string>? environment = null)
    {
        var directory = RepositoryPaths.NewDataDirectory("secrets");
        try
        {
            var log = Path.Combine(directory, "kubectl.log");
            var kubectl = Path.Combine(directory, "kubectl");
            // One line per call, arguments separated by a unit separator (values may hold spaces and '=').
            await File.WriteAllTextAsync(kubectl, $"""
                #!/usr/bin/env bash
                (IFS=$'\x1f'; printf '%s\n' "$*") >> '{log}'
                case "$*" in *" get "*|get*) exit 1 ;; esac
                exit 0
                """.Replace("\r", "", StringComparison.Ordinal));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(kubectl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes", "create-secrets.sh"));
            start.ArgumentList.Add("cityeservices-test");
            start.ArgumentList.Add(overlay);
            start.Environment["PATH"] = directory + ":" + Environment.GetEnvironmentVariable("PATH");
            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[key] = value;
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            var secrets = File.Exists(log)
                ? (await File.ReadAllLinesAsync(log)).Select(l => l.Split('\x1f')).Select(Parse).OfType<CreatedSecret>().ToList()
                : [];
            return new ScriptRun(process.ExitCode, await output + await error, secrets);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static CreatedSecret? Parse(string[] args)
    {
        // -n NS create secret generic NAME [--type=T] --from-literal=k=v ...
        var create = Array.IndexOf(args, "create");
        if (create < 0 || create + 3 >= args.Length || args[create + 1] != "secret" || args[create + 2] != "generic")
        {
            return null;
        }

        string? type = null;
        var values = new Dictionary<string, string>();
        foreach (var arg in args.Skip(create + 4))
        {
            if (arg.StartsWith("--type=", StringComparison.Ordinal))
            {
                type = arg["--type=".Length..];
            }
            else if (arg.StartsWith("--from-literal=", StringComparison.Ordinal))
            {
                var pair = arg["--from-literal=".Length..];
                values[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
            }
        }

        return new CreatedSecret(args[create + 3], type, values);
    }
}
