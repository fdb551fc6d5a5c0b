using System.Globalization;

namespace CityEServices.Stack.Commands;

/// <summary>The CITY_BENCH_* knobs README documents (./city exports CITY_BENCH_CONFIGURATION and builds it).</summary>
internal sealed record BenchSettings(int PortBase, bool Dashboard, IReadOnlyList<string> AppHostArgs, TimeSpan Settle, IReadOnlySet<string>? Only, bool Hold)
{
    /// <summary>With <paramref name="mix"/> (./city bench mix), the sizing benchmark alone.</summary>
    public static BenchSettings FromEnvironment(bool mix) => new(
        Number("CITY_BENCH_PORT_BASE", 8700),
        Environment.GetEnvironmentVariable("CITY_BENCH_DASHBOARD") == "on",
        (Environment.GetEnvironmentVariable("CITY_BENCH_APPHOST_ARGS") ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        TimeSpan.FromSeconds(Number("CITY_BENCH_SETTLE_S", 10)),
        mix ? new HashSet<string> { "mix" } : Environment.GetEnvironmentVariable("CITY_BENCH_ONLY") is { Length: > 0 } only ? only.Split(',').ToHashSet() : null,
        Environment.GetEnvironmentVariable("CITY_BENCH_HOLD") == "1");

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
