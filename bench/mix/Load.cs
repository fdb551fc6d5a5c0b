using System.Diagnostics;
using CityEServices.Bench;

namespace CityEServices.Mix;

/// <summary>One step of open-loop load: requests on a fixed schedule, each timed from when it was due.</summary>
internal static class Load
{
    public sealed record Step(int Sent, int Errors, double AchievedRps, double P50Ms, double P95Ms, double P99Ms);

    public static async Task<Step> RunStepAsync(Operations operations, int rate, TimeSpan duration)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var latencies = new double[count];
        var failed = new bool[count];
        var tasks = new Task[count];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                var random = Random.Shared;
                var ok = false;
                try
                {
                    ok = await operations.SendAsync(Operations.Draw(random), random, CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Console.Error.WriteLine($"[mix] {ex.GetType().Name}: {ex.Message}");
                }

                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
                failed[index] = !ok;
            });
        }

        await Task.WhenAll(tasks);
        // Achieved: answers per second over the time it took to get them all, which falls below the
        // offered rate once the stack cannot keep up.
        var achieved = count / Math.Max(duration.TotalSeconds, clock.Elapsed.TotalSeconds);
        Array.Sort(latencies);
        return new Step(count, failed.Count(f => f), achieved, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95), Percentiles.Of(latencies, 99));
    }
}
