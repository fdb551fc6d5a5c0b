using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityEServices.Stack.Commands;

/// <summary>
/// ./city bench: a fresh stack on its own ports (so it never meets a ./city run), measured as deployed —
/// the build ./city made (Release), rate limits on but out of reach, traces sampled at 10%, no dashboard,
/// no sample data, no proxy in front of the services — then every bench/*/run.sh, then a table and one
/// "name: value" line per figure.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(bool mix)
    {
        var settings = BenchSettings.FromEnvironment(mix);
        var log = Path.Combine(Repository.State, "bench-apphost.log");
        var data = Path.Combine(Repository.State, "bench-data");
        var figuresFile = Path.Combine(Repository.State, "bench-figures");
        var password = $"Bench-{RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 12)}-Aa1";
        var ports = StackPorts.From(settings.PortBase);
        Directory.CreateDirectory(Repository.State);
        await File.WriteAllTextAsync(figuresFile, "");
        var figures = new Figures(figuresFile);

        using var signals = new StopSignals();
        Say.Line($"starting a fresh stack (gateway http://127.0.0.1:{ports.Gateway}, log {log})");
        CityStack stack;
        try
        {
            stack = await CityStack.StartAsync(Options(settings, ports, data, password, log), Say.Line, signals.Token);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            Say.Line($"the stack did not start: {ex.Message}");
            if (File.Exists(log))
            {
                Say.Line($"last lines of {log}:");
                Console.Error.WriteLine(string.Join('\n', File.ReadLines(log).TakeLast(30)));
            }

            return 1;
        }

        bool succeeded;
        try
        {
            succeeded = await MeasureAsync(stack, settings, figures, password, ports, signals);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            Say.Line("interrupted; the stack is stopped");
            return 130;
        }

        figures.Print();
        return succeeded ? 0 : 1;
    }

    private static async Task<bool> MeasureAsync(CityStack stack, BenchSettings settings, Figures figures, string password, StackPorts ports, StopSignals signals)
    {
        bool succeeded;
        await using (stack)
        {
            figures.Add("stack_start_s", stack.StartedIn.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
            await FirstCalls.AddAsync(stack.GatewayAddress, password, figures, signals.Token);
            Say.Line($"stack healthy after {stack.StartedIn.TotalSeconds:F1} s, first calls made; letting it settle before measuring idle memory");
            await Task.Delay(settings.Settle, signals.Token);
            AddMemory(stack, figures, "");

            succeeded = await Benchmarks.RunAsync(BenchEnvironment(stack, password, ports), settings.Only, figures, signals.Token);
            AddMemory(stack, figures, "_after_load");

            if (settings.Hold)
            {
                // For profiling (dotnet-trace, dotnet-counters) against the same optimised stack.
                var env = Path.Combine(Repository.State, "bench-env");
                await File.WriteAllLinesAsync(env, BenchEnvironment(stack, password, ports).Select(v => $"export {v.Key}='{v.Value}'"));
                Say.Line($"holding the stack (CITY_BENCH_HOLD=1): source {env}; processes in {stack.LedgerPath}; Ctrl-C or kill -TERM {Environment.ProcessId} stops it");
                await signals.WaitAsync();
            }

            Say.Line("stopping the stack");
        }

        return succeeded;
    }

    private static StackOptions Options(BenchSettings settings, StackPorts ports, string data, string password, string log)
    {
        WipeData(data);
        return new StackOptions
        {
            Name = "bench",
            Ports = ports,
            DataDirectory = data,
            LocalServers = true,
            Dashboard = settings.Dashboard,
            AdminPassword = password,
            SampleData = false,
            StopsOnSigterm = true,
            AppHostArgs =
            [
                // Rate limiting stays on (it is part of the gateway's job being measured) with limits no single
                // benchmark user reaches, so the figures measure answers rather than 429s.
                "--Gateway:RateLimits:Api:PermitLimit=100000000",
                "--Gateway:RateLimits:Anonymous:PermitLimit=100000000",
                "--Gateway:RateLimits:Track:PermitLimit=100000000",
                // Traces sampled as the Kubernetes manifests sample them (10%, the gateway's decision followed),
                // not Aspire's developer default of every span: the figures are the services' cost.
                "--Telemetry:TracesSampler=parentbased_traceidratio",
                "--Telemetry:TracesSamplerArg=0.1",
                .. settings.AppHostArgs,
            ],
            Configure = builder => builder.Services.AddLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(new FileLoggerProvider(log));
            }),
        };
    }

    /// <summary>A fresh stack starts from empty servers: PostgreSQL's data too, wherever postgres.sh relocated it.</summary>
    private static void WipeData(string data)
    {
        var relocate = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "AppHost", "servers", "postgres-relocated-dir.sh"), Path.Combine(data, "postgres")])
        {
            RedirectStandardOutput = true,
        })!;
        var relocated = relocate.StandardOutput.ReadToEnd().Trim();
        relocate.WaitForExit();
        foreach (var folder in new[] { data, relocated }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(data);
    }

    /// <summary>rss_mb_&lt;project&gt;: resident memory of each service's own process.</summary>
    private static void AddMemory(CityStack stack, Figures figures, string suffix)
    {
        foreach (var project in stack.Projects)
        {
            var megabytes = stack.ServiceProcess(project)?.ResidentMegabytes();
            figures.Add($"rss_mb_{project}{suffix}", megabytes?.ToString(CultureInfo.InvariantCulture) ?? "n/a");
        }
    }

    /// <summary>
    /// What a benchmark gets: CITY_&lt;PROJECT&gt;_URL for every project (the gateway's is CITY_GATEWAY_URL),
    /// the admin password, and a free port of its own.
    /// </summary>
    private static Dictionary<string, string> BenchEnvironment(CityStack stack, string password, StackPorts ports)
    {
        var environment = stack.Projects.ToDictionary(
            project => $"CITY_{project.ToUpperInvariant()}_URL",
            project => $"http://127.0.0.1:{stack.Endpoint(project).Port}");
        environment["CITY_ADMIN_PASSWORD"] = password;
        environment["CITY_BENCH_FREE_PORT"] = ports.Spare!.Value.ToString(CultureInfo.InvariantCulture);
        return environment;
    }
}
