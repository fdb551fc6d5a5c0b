using System.Net;

namespace CityEServices.Faults.Tests;

/// <summary>
/// Redis stopped: reads still come from the databases, requests through the gateway (rate limiting
/// included) are served or refused cleanly but never fail with a 5xx, and no process crashes.
/// </summary>
[Collection(FaultStackCollection.Name)]
public sealed class CacheOutageTests(FaultStackFixture stack)
{
    private static readonly string[] Processes = ["identity", "property", "officemanagement", "archive", "urbanplanning", "gateway"];

    [Fact]
    public async Task Without_redis_reads_still_work_and_nothing_crashes()
    {
        var admin = await stack.AdminTokenAsync();
        var world = await SampleWorld.CreateAsync(stack.Gateway, admin, district: 18);
        // Warm the caches first, so the reads below meet a cache that has gone away.
        await stack.Gateway.GetAsync($"/api/properties/{world.RenovationCode}", admin).ExpectAsync(HttpStatusCode.OK);

        await stack.StopAsync("redis-server");
        try
        {
            for (var i = 0; i < 20; i++)
            {
                await stack.Gateway.GetAsync($"/api/properties/{world.RenovationCode}", admin).ExpectAsync(HttpStatusCode.OK);
            }

            await stack.Gateway.GetAsync($"/api/offices/{world.OfficeCode}", admin).ExpectAsync(HttpStatusCode.OK);
            var opened = await stack.Gateway.PostAsJsonAsync("/api/urban-planning/files", new
            {
                renovationCode = world.RenovationCode,
                applicantNationalId = world.ApplicantNationalId,
                officeCode = world.OfficeCode,
            }, world.OperatorToken).ExpectAsync(HttpStatusCode.Created);
            await stack.Gateway.GetAsync($"/api/urban-planning/files/{opened["fileNumber"]!.GetValue<string>()}", admin).ExpectAsync(HttpStatusCode.OK);

            // Anonymous, rate-limited traffic: answered (404 for an unknown code, or 429) but never a 5xx.
            for (var i = 0; i < 20; i++)
            {
                using var track = await stack.Gateway.GetAsync("/api/track/TRK0000000000?nationalId=0076229645");
                Assert.True((int)track.StatusCode < 500, $"/api/track answered {(int)track.StatusCode} without Redis");
            }

            Assert.All(Processes, p => Assert.True(stack.IsRunning(p), $"{p} stopped running without Redis"));
        }
        finally
        {
            await stack.StartAsync("redis-server");
        }

        foreach (var process in Processes)
        {
            await stack.WaitForHealthyAsync(process);
        }

        await stack.Gateway.GetAsync($"/api/properties/{world.RenovationCode}", admin).ExpectAsync(HttpStatusCode.OK);
    }
}
