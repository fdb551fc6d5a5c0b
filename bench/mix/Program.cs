using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CityEServices.Bench;
using CityEServices.Mix;
using CityEServices.TestSupport;

// The sizing benchmark: an integrator's mix (Operations.Mix) through the gateway, open loop (each request
// sent at its scheduled time whatever the others are doing, latency counted from that time, so a stall
// shows instead of slowing the load), at rising rates until p95 > 100 ms or errors > 1%.
var gateway = new Gateway(
    new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    },
    new Uri(Env("CITY_GATEWAY_URL")));
var rates = (Environment.GetEnvironmentVariable("BENCH_MIX_RATES") ?? "25,50,100,150,200,250,300,400,500,700,1000")
    .Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
var stepSeconds = Number("BENCH_MIX_STEP_SECONDS", 15);
// A fresh stack's services run cold code for tens of seconds of load (bench/README.md, "Event hop, cold and
// warm"): the first rate runs this long first, and its p95 is reported apart (mix_warmup_p95_ms).
var warmupSeconds = Number("BENCH_MIX_WARMUP_SECONDS", 60);
// Bounded: no step starts after this much load time (./city bench allows the script six minutes in all).
var budget = TimeSpan.FromSeconds(Number("BENCH_MIX_BUDGET_SECONDS", 180));
const double P95LimitMs = 100;
const double ErrorLimit = 0.01;
var openShare = Operations.Mix.Single(m => m.Name == "file_open").Weight / (double)Operations.Mix.Sum(m => m.Weight);

var world = await Preparation.RunAsync(gateway, Env("CITY_ADMIN_PASSWORD"));
var operations = new Operations(gateway, world);

Console.Error.WriteLine($"[mix] warming up {warmupSeconds} s at {rates[0]}/s");
await world.RegisterPropertiesAsync(gateway, OpeningsFor(rates[0], warmupSeconds));
var warmup = await Load.RunStepAsync(operations, rates[0], TimeSpan.FromSeconds(warmupSeconds));
Console.WriteLine($"mix_warmup_p95_ms: {warmup.P95Ms:F1}");

Load.Step? held = null;
var clock = Stopwatch.StartNew();
foreach (var rate in rates)
{
    if (clock.Elapsed + TimeSpan.FromSeconds(stepSeconds) > budget)
    {
        Console.Error.WriteLine($"[mix] time budget reached before {rate}/s");
        break;
    }

    // Unmeasured: the properties this step's openings take.
    await world.RegisterPropertiesAsync(gateway, Math.Max(0, OpeningsFor(rate, stepSeconds) - world.Unopened.Count));
    var step = await Load.RunStepAsync(operations, rate, TimeSpan.FromSeconds(stepSeconds));
    Console.WriteLine($"mix_step_{rate}_achieved_rps: {step.AchievedRps:F1}");
    Console.WriteLine($"mix_step_{rate}_p50_ms: {step.P50Ms:F1}");
    Console.WriteLine($"mix_step_{rate}_p95_ms: {step.P95Ms:F1}");
    Console.WriteLine($"mix_step_{rate}_p99_ms: {step.P99Ms:F1}");
    Console.WriteLine($"mix_step_{rate}_errors: {step.Errors}");
    Console.Error.WriteLine($"[mix] {rate}/s: achieved {step.AchievedRps:F1}/s, p50 {step.P50Ms:F1} p95 {step.P95Ms:F1} p99 {step.P99Ms:F1} ms, {step.Errors}/{step.Sent} errors");
    if (step.P95Ms > P95LimitMs || step.Errors > ErrorLimit * step.Sent)
    {
        break;
    }

    held = step;
}

Console.WriteLine($"mix_rps: {held?.AchievedRps ?? 0:F1}");
Console.WriteLine($"mix_rps_per_core: {(held?.AchievedRps ?? 0) / Environment.ProcessorCount:F1}");
Console.WriteLine($"mix_p95_ms: {(held is null ? "n/a" : held.P95Ms.ToString("F1", CultureInfo.InvariantCulture))}");
Console.WriteLine($"mix_cores: {Environment.ProcessorCount}");
return held is null ? 1 : 0;

// A fifth more than the expected share, for the draw's variance.
int OpeningsFor(int rate, int seconds) => (int)Math.Ceiling(rate * seconds * openShare * 1.2) + 5;

static int Number(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

static string Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
    ? value : throw new InvalidOperationException($"{name} is not set: run through ./city bench mix");
