using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace CityEServices.Replicas.Tests;

/// <summary>
/// One of two property replicas is sent SIGTERM, as Kubernetes stops a pod, in the middle of a steady
/// stream of reads through the gateway: it drains and exits, and no caller sees a failure.
/// </summary>
[Collection(ReplicaStackCollection.Name)]
public sealed class DrainTests(ReplicaStackFixture stack, ITestOutputHelper output)
{
    private const int RequestsPerSecond = 20;
    private const int Requests = RequestsPerSecond * 10;
    private const int TerminateAfter = RequestsPerSecond * 3;
    private const string Path = "/api/properties?district=7";

    [Fact]
    public async Task A_replica_terminated_under_steady_reads_costs_no_failed_request()
    {
        var admin = await stack.AdminTokenAsync();
        var failures = new ConcurrentQueue<string>();
        var sent = new List<Task>(Requests);
        var clock = Stopwatch.StartNew();
        TimeSpan? terminatedAt = null;
        try
        {
            // The stream's pace, not a wait for anything: each read is sent on its tick, answered or not.
            using var pace = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / RequestsPerSecond));
            for (var i = 0; i < Requests; i++)
            {
                if (i == TerminateAfter)
                {
                    Assert.True(stack.Stack.Terminate("property-2"), "property-2 was not running");
                    terminatedAt = clock.Elapsed;
                }

                sent.Add(ReadAsync(admin, i, failures));
                await pace.WaitForNextTickAsync();
            }

            await Task.WhenAll(sent);
            await stack.WaitUntilExitedAsync("property-2");

            var first = await stack.RequestsLoggedAsync("property", "/api/properties?district=7");
            var second = await stack.RequestsLoggedAsync("property-2", "/api/properties?district=7");
            output.WriteLine($"{Requests} reads over {clock.Elapsed.TotalSeconds:F1} s, SIGTERM to property-2 at {terminatedAt?.TotalSeconds:F1} s; " +
                $"failed: {failures.Count}; logged by property: {first}, by property-2: {second}");

            Assert.Empty(failures);
            // Both replicas served the stream (so the terminated one had requests to lose), and the survivor took the rest.
            Assert.True(second > 0, "property-2 served none of the reads before it was terminated");
            Assert.True(first >= Requests - TerminateAfter, $"property served {first} reads, fewer than those sent after property-2 was terminated");
        }
        finally
        {
            await Task.WhenAll(sent);
            // The other tests find both replicas up again.
            await stack.StartAsync("property-2");
        }
    }

    private async Task ReadAsync(string token, int index, ConcurrentQueue<string> failures)
    {
        try
        {
            using var response = await stack.Gateway.GetAsync(Path, token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Enqueue($"#{index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        catch (HttpRequestException e)
        {
            failures.Enqueue($"#{index}: {e.Message} ({e.GetBaseException().Message})");
        }
        catch (TaskCanceledException e)
        {
            failures.Enqueue($"#{index}: timed out ({e.Message})");
        }
    }
}
