using System.Diagnostics;
using Npgsql;

namespace CityEServices.Replicas.Tests;

/// <summary>
/// The archive's fixity schedule, every few seconds in this stack, with two archive replicas polling for
/// it: each period it runs once, on one replica or the other, never on both.
/// </summary>
[Collection(ReplicaStackCollection.Name)]
public sealed class PeriodicJobTests(ReplicaStackFixture stack, ITestOutputHelper output)
{
    private const string Job = "fixity-schedule";
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_fixity_schedule_runs_once_per_period_across_both_archive_replicas()
    {
        var before = await RunsLoggedAsync();
        var start = await ReadAsync();
        Assert.True(start is not null, $"no {Job} row: the schedule has not run since the stack started");

        // Every run as the lease row records it (when it started, the run count after it), sampled four times
        // a second: a run every 3 s or more cannot slip between two samples unseen, and a count that jumped
        // by more than one would show it if it did.
        var runs = new List<(DateTimeOffset Started, int Count)>();
        var last = start.Value;
        var watched = Stopwatch.StartNew();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (watched.Elapsed < Watch && await pace.WaitForNextTickAsync())
        {
            if (await ReadAsync() is { } row && row.Count != last.Count)
            {
                Assert.True(row.Count == last.Count + 1, $"runs went from {last.Count} to {row.Count} between two samples");
                runs.Add(row);
                last = row;
            }
        }

        // Each run as the replica that ran it logged it (its lease holder, in its own output).
        await Eventually.UntilAsync(async () => (await RunsLoggedAsync()).Sum() - before.Sum() >= runs.Count, TimeSpan.FromSeconds(10), "each run in a replica's log");
        var ranOn = (await RunsLoggedAsync()).Zip(before, (a, b) => a - b).ToArray();
        output.WriteLine($"{runs.Count} runs in {Watch.TotalSeconds:F0} s (period {ReplicaStackFixture.FixityInterval.TotalSeconds:F0} s) at " +
            string.Join(", ", runs.Select(r => r.Started.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture))) +
            $"; logged by archive: {ranOn[0]}, by archive-2: {ranOn[1]}");

        // Once per period: never two starts closer than the period (as two replicas each running it would be),
        // about as many runs as periods fit in the window (the schedule did not stop either), and the replicas'
        // own logs hold no more runs than the lease row counted.
        var gaps = runs.Zip(runs.Skip(1), (a, b) => b.Started - a.Started).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= ReplicaStackFixture.FixityInterval, $"two runs {gap.TotalMilliseconds:F0} ms apart"));
        var periods = Watch / ReplicaStackFixture.FixityInterval;
        Assert.InRange(runs.Count, (int)(periods / 2), (int)Math.Ceiling(periods) + 1);
        Assert.InRange(ranOn.Sum(), runs.Count, runs.Count + 1);
    }

    private async Task<int[]> RunsLoggedAsync() =>
    [
        (await stack.LogsAsync("archive")).Count(l => l.Contains($"Job {Job} ran on", StringComparison.Ordinal)),
        (await stack.LogsAsync("archive-2")).Count(l => l.Contains($"Job {Job} ran on", StringComparison.Ordinal)),
    ];

    private async Task<(DateTimeOffset Started, int Count)?> ReadAsync()
    {
        await using var connection = await stack.OpenDatabaseAsync("archive");
        await using var command = new NpgsqlCommand("SELECT last_started_at, runs FROM job_leases WHERE name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Job });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() && !reader.IsDBNull(0)
            ? (reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1))
            : null;
    }
}
