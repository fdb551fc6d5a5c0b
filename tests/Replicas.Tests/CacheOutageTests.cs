using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CityEServices.Replicas.Tests;

/// <summary>
/// Redis stopped with two replicas of every service up (issue 19): readiness counts only a service's own
/// database, so every replica stays in the load balancer; reads through the gateway are still served by
/// both property replicas, a write that needs no cache succeeds, and once Redis is back the property
/// cache fills it again. Redis is started again whatever happens, and the test waits until every
/// replica reports healthy, so the tests that share the stack find it as they would have.
/// </summary>
[Collection(ReplicaStackCollection.Name)]
public sealed class CacheOutageTests(ReplicaStackFixture stack, ITestOutputHelper output)
{
    private const string Redis = "redis-server";
    private const int Reads = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Redis_stopped_with_two_replicas_up_keeps_every_replica_ready_and_serving()
    {
        var admin = await stack.AdminTokenAsync();
        var world = await SampleWorld.CreateAsync(stack.Gateway, admin, district: 14);
        var readPath = $"/api/properties/{world.RenovationCode}";
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await AssertEveryReplicaReadyAsync(probe, "before Redis was stopped");
        // A replica started again by an earlier test (DrainTests) rejoins the gateway's rotation a little later:
        // wait until both property replicas serve reads with Redis up, so a one-sided spread below means the outage.
        var warm = await ReadsLoggedAsync(readPath);
        await Eventually.UntilAsync(
            async () =>
            {
                await stack.Gateway.GetAsync(readPath, admin).ExpectAsync(HttpStatusCode.OK);
                return (await ReadsLoggedAsync(readPath)).Zip(warm, (a, b) => a - b).All(reads => reads > 0);
            },
            TimeSpan.FromSeconds(60),
            $"both property replicas to serve {readPath} with Redis up");
        var before = await ReadsLoggedAsync(readPath);
        string witness;

        await stack.StopAsync(Redis);
        try
        {
            // The outage is real and seen: the full health report (which includes the cache) of both property replicas fails.
            await Eventually.UntilAsync(
                async () => !await IsHealthyAsync(probe, "property", "/health") && !await IsHealthyAsync(probe, "property-2", "/health"),
                Deadline,
                "both property replicas' /health to report Redis gone");
            await AssertEveryReplicaReadyAsync(probe, "with Redis stopped");

            for (var i = 0; i < Reads; i++)
            {
                await stack.Gateway.GetAsync(readPath, admin).ExpectAsync(HttpStatusCode.OK);
            }

            // Writes that need no cache: an opening (which asks property over gRPC) and a new registration,
            // the witness below: nobody reads it before Redis is back, so no cache anywhere holds it yet.
            await stack.Gateway.PostAsJsonAsync("/api/urban-planning/files", new
            {
                renovationCode = world.RenovationCode,
                applicantNationalId = world.ApplicantNationalId,
                officeCode = world.OfficeCode,
            }, world.OperatorToken).ExpectAsync(HttpStatusCode.Created);
            witness = await RegisterPropertyAsync(admin, world.ApplicantNationalId);

            await AssertEveryReplicaReadyAsync(probe, "after reads and writes with Redis stopped");

            // A replica's log reaches this process a moment after the replica wrote it.
            await Eventually.UntilAsync(
                async () => (await ReadsLoggedAsync(readPath)).Zip(before, (a, b) => a - b).Sum() >= Reads,
                Deadline,
                $"{Reads} reads of {readPath} in the property replicas' logs");
            var served = (await ReadsLoggedAsync(readPath)).Zip(before, (a, b) => a - b).ToArray();
            output.WriteLine($"without Redis, reads served by property: {served[0]}, by property-2: {served[1]}");
            // The gateway's word on why, should a replica have been left out: its passive health decisions.
            var leftOut = (await stack.LogsAsync("gateway")).Where(line => line.Contains("passive health", StringComparison.OrdinalIgnoreCase)).TakeLast(6);
            Assert.All(served, reads => Assert.True(reads > 0,
                $"a property replica served none of the reads without Redis: {string.Join(", ", served)}; gateway: {string.Join(" | ", leftOut)}"));
        }
        finally
        {
            await stack.StartAsync(Redis);
            // Every replica reconnected (its full /health counts Redis again) before this test or the next goes on.
            foreach (var replica in stack.Stack.Projects)
            {
                await Eventually.UntilAsync(() => IsHealthyAsync(probe, replica, "/health"), TimeSpan.FromSeconds(60), $"{replica}'s /health after Redis returned");
            }
        }

        // The cache is used again: the witness, registered while Redis was down, is not in Redis until a read puts it there.
        var key = $"property:v1:{witness}";
        Assert.False(await RedisHasKeyAsync(key), $"{key} was in Redis before anyone read it");
        await Eventually.UntilAsync(
            async () =>
            {
                await stack.Gateway.GetAsync($"/api/properties/{witness}", admin).ExpectAsync(HttpStatusCode.OK);
                return await RedisHasKeyAsync(key);
            },
            Deadline,
            $"a read of {witness} after Redis returned to cache it in Redis");
    }

    private async Task AssertEveryReplicaReadyAsync(HttpClient probe, string when)
    {
        var notReady = new List<string>();
        foreach (var replica in stack.Stack.Projects)
        {
            if (!await IsHealthyAsync(probe, replica, "/health/ready"))
            {
                notReady.Add(replica);
            }
        }

        Assert.True(notReady.Count == 0, $"not ready {when}: {string.Join(", ", notReady)} (of {string.Join(", ", stack.Stack.Projects)})");
    }

    private async Task<bool> IsHealthyAsync(HttpClient probe, string replica, string path)
    {
        try
        {
            using var response = await probe.GetAsync(new Uri(stack.Stack.Endpoint(replica), path));
            return response.StatusCode == HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == "Healthy";
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private async Task<int[]> ReadsLoggedAsync(string path) =>
        [await stack.RequestsLoggedAsync("property", path), await stack.RequestsLoggedAsync("property-2", path)];

    private async Task<string> RegisterPropertyAsync(string admin, string ownerNationalId)
    {
        var n = Random.Shared.Next(10_000, 90_000);
        var code = $"14-{n % 90 + 1}-{n}-{n % 700 + 1}-0-0-0";
        await stack.Gateway.PostAsJsonAsync("/api/properties", new
        {
            renovationCode = code,
            registrationPlate = new { section = 14, main = 700, sub = n % 900 + 1 },
            district = 14,
            address = "تهران، خیابان انقلاب، پلاک " + n,
            postalCode = "1415678" + (n % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            landAreaM2 = 180m,
            buildingAreaM2 = 360m,
            floors = 2,
            usage = "Residential",
            owners = new[] { new { partyType = "Person", nationalId = ownerNationalId, fullName = "مریم احمدی", shareDang = 6 } },
        }, admin).ExpectAsync(HttpStatusCode.Created);
        return code;
    }

    /// <summary>EXISTS over Redis's own protocol (RESP): the test looks at the cache without a client library.</summary>
    private async Task<bool> RedisHasKeyAsync(string key)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", stack.Stack.Endpoint(Redis, "tcp").Port);
        await using var stream = client.GetStream();
        var keyBytes = Encoding.UTF8.GetByteCount(key);
        await stream.WriteAsync(Encoding.UTF8.GetBytes($"*2\r\n$6\r\nEXISTS\r\n${keyBytes}\r\n{key}\r\n"));
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer);
        var reply = Encoding.ASCII.GetString(buffer, 0, read);
        return reply switch
        {
            ":1\r\n" => true,
            ":0\r\n" => false,
            _ => throw new InvalidOperationException($"EXISTS {key}: unexpected reply {reply.Trim()}"),
        };
    }
}
