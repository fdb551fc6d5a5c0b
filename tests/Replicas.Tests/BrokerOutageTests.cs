using System.Net;
using Npgsql;

namespace CityEServices.Replicas.Tests;

/// <summary>
/// RabbitMQ stopped with two replicas of every service up (issue 19): readiness counts only a service's
/// own database, so every replica (and the gateway) stays in the load balancer; reads through the gateway
/// are served by both replicas; files are opened (their events wait in urban planning's outbox, and the
/// archive has no dossier for them yet); once the broker is back every held event reaches the archive
/// exactly once and the operator sees each file's dossier. The broker is started again whatever happens,
/// and the test waits until every replica reports healthy, so the tests that share the stack find it as
/// they would have.
/// </summary>
[Collection(ReplicaStackCollection.Name)]
public sealed class BrokerOutageTests(ReplicaStackFixture stack, ITestOutputHelper output)
{
    private const string Broker = "rabbitmq-server";
    private const int Reads = 20;
    private const int Openings = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>The outbox relay retries at most every 30 s (Messaging:Outbox:MaxRetryDelay), and the bus reconnects first.</summary>
    private static readonly TimeSpan DeliveryDeadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Broker_stopped_with_two_replicas_up_keeps_every_replica_ready_and_delivers_the_held_events_once()
    {
        var admin = await stack.AdminTokenAsync();
        var world = await SampleWorld.CreateAsync(stack.Gateway, admin, district: 13);
        var codes = new List<string>();
        for (var i = 0; i < Openings; i++)
        {
            codes.Add(await RegisterPropertyAsync(admin, world.ApplicantNationalId));
        }

        var propertyRead = $"/api/properties/{world.RenovationCode}";
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await AssertEveryReplicaReadyAsync(probe, "before the broker was stopped");
        // A replica started again by an earlier test (DrainTests) rejoins the gateway's rotation a little later:
        // wait until both property replicas serve reads with the broker up, so a one-sided spread below means the outage.
        await WaitUntilBothServeAsync("property", propertyRead, admin);

        var files = new List<string>();
        await stack.StopAsync(Broker);
        try
        {
            var propertyBefore = await ReadsLoggedAsync("property", propertyRead);
            foreach (var code in codes)
            {
                files.Add(await OpenFileAsync(world, code));
            }

            // The outage is real: the relays tried and were refused, and every event is still held in the outbox.
            await Eventually.UntilAsync(
                async () => await ScalarAsync("urbanplanning", """
                    SELECT count(*) FROM outbox_messages
                    WHERE published_at IS NULL AND attempts > 0 AND payload->>'fileNumber' = ANY($1)
                    """, files.ToArray()) > 0,
                Deadline,
                "urban planning's outbox relay refused by the stopped broker");
            Assert.Equal(files.Count, await ScalarAsync("urbanplanning", """
                SELECT count(*) FROM outbox_messages
                WHERE message_type LIKE '%UrbanPlanningFileOpened' AND published_at IS NULL AND payload->>'fileNumber' = ANY($1)
                """, files.ToArray()));
            await AssertEveryReplicaReadyAsync(probe, "with the broker stopped");

            // What the operator sees meanwhile: the files are there, their dossiers not yet.
            var fileRead = $"/api/urban-planning/files/{files[0]}";
            var fileBefore = await ReadsLoggedAsync("urbanplanning", fileRead);
            for (var i = 0; i < Reads; i++)
            {
                await stack.Gateway.GetAsync(propertyRead, admin).ExpectAsync(HttpStatusCode.OK);
                await stack.Gateway.GetAsync(fileRead, world.OperatorToken).ExpectAsync(HttpStatusCode.OK);
            }

            foreach (var file in files)
            {
                using var dossier = await stack.Gateway.GetAsync($"/api/archive/dossiers/{file}", world.OperatorToken);
                Assert.True(dossier.StatusCode == HttpStatusCode.NotFound, $"dossier {file} with the broker stopped: {(int)dossier.StatusCode}");
            }

            await AssertEveryReplicaReadyAsync(probe, "after reads and writes with the broker stopped");
            await AssertBothServedAsync("property", propertyRead, propertyBefore);
            await AssertBothServedAsync("urbanplanning", fileRead, fileBefore);
        }
        finally
        {
            await stack.StartAsync(Broker);
            // Every replica reconnected (its full /health counts the bus again) before this test or the next goes on.
            foreach (var replica in stack.Stack.Projects)
            {
                await Eventually.UntilAsync(() => IsHealthyAsync(probe, replica, "/health"), Deadline, $"{replica}'s /health after the broker returned");
            }
        }

        // The held events go out: the operator sees every file's dossier...
        foreach (var file in files)
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    using var response = await stack.Gateway.GetAsync($"/api/archive/dossiers/{file}", world.OperatorToken);
                    return response.StatusCode == HttpStatusCode.OK;
                },
                DeliveryDeadline,
                $"the archive's dossier for {file}, opened while the broker was down");
        }

        // ...each made once: one outbox event per opening, all confirmed, and one inbox record and one dossier each in the archive.
        string[] opened = [.. files];
        await Eventually.UntilAsync(
            async () => await ScalarAsync("urbanplanning", """
                SELECT count(*) FROM outbox_messages
                WHERE message_type LIKE '%UrbanPlanningFileOpened' AND published_at IS NULL AND payload->>'fileNumber' = ANY($1)
                """, opened) == 0,
            Deadline,
            "every held outbox row marked published");
        var eventIds = await EventIdsAsync(opened);
        Assert.Equal(opened.Length, eventIds.Length);
        Assert.Equal(opened.Length, await ScalarAsync("archive", """
            SELECT count(*) FROM inbox_messages WHERE consumer = 'UrbanPlanningFileOpenedConsumer' AND message_id = ANY($1)
            """, eventIds));
        Assert.Equal(opened.Length, await ScalarAsync("archive", "SELECT count(*) FROM dossiers WHERE file_number = ANY($1)", opened));
        await AssertEveryReplicaReadyAsync(probe, "after the broker returned");
    }

    private async Task<string> OpenFileAsync(SampleWorld world, string code)
    {
        // A cold process on a loaded 2-core machine can overrun the 5 s gRPC deadline of the ownership check
        // (503, nothing written): such an opening is tried again, up to three times, as GrpcSpreadTests does.
        for (var attempt = 1; ; attempt++)
        {
            using var response = await stack.Gateway.PostAsJsonAsync("/api/urban-planning/files", new
            {
                renovationCode = code,
                applicantNationalId = world.ApplicantNationalId,
                officeCode = world.OfficeCode,
            }, world.OperatorToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 3)
            {
                output.WriteLine($"opening {code}: 503, tried again");
                continue;
            }

            var body = await response.ReadJsonAsync(HttpStatusCode.Created);
            return body["fileNumber"]!.GetValue<string>();
        }
    }

    private async Task WaitUntilBothServeAsync(string service, string path, string token)
    {
        var warm = await ReadsLoggedAsync(service, path);
        await Eventually.UntilAsync(
            async () =>
            {
                await stack.Gateway.GetAsync(path, token).ExpectAsync(HttpStatusCode.OK);
                return (await ReadsLoggedAsync(service, path)).Zip(warm, (a, b) => a - b).All(reads => reads > 0);
            },
            Deadline,
            $"both {service} replicas to serve {path} with the broker up");
    }

    private async Task AssertBothServedAsync(string service, string path, int[] before)
    {
        // A replica's log reaches this process a moment after the replica wrote it.
        await Eventually.UntilAsync(
            async () => (await ReadsLoggedAsync(service, path)).Zip(before, (a, b) => a - b).Sum() >= Reads,
            Deadline,
            $"{Reads} reads of {path} in the {service} replicas' logs");
        var served = (await ReadsLoggedAsync(service, path)).Zip(before, (a, b) => a - b).ToArray();
        output.WriteLine($"without the broker, reads of {path} served by {service}: {served[0]}, by {service}-2: {served[1]}");
        Assert.All(served, reads => Assert.True(reads > 0, $"a {service} replica served none of the reads without the broker: {string.Join(", ", served)}"));
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

    private async Task<int[]> ReadsLoggedAsync(string service, string path) =>
        [await stack.RequestsLoggedAsync(service, path), await stack.RequestsLoggedAsync($"{service}-2", path)];

    private async Task<string> RegisterPropertyAsync(string admin, string ownerNationalId)
    {
        var n = Random.Shared.Next(10_000, 90_000);
        var code = $"13-{n % 90 + 1}-{n}-{n % 700 + 1}-0-0-0";
        await stack.Gateway.PostAsJsonAsync("/api/properties", new
        {
            renovationCode = code,
            registrationPlate = new { section = 13, main = 600, sub = n % 900 + 1 },
            district = 13,
            address = "تهران، خیابان ولیعصر، پلاک " + n,
            postalCode = "1315678" + (n % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            landAreaM2 = 160m,
            buildingAreaM2 = 320m,
            floors = 2,
            usage = "Residential",
            owners = new[] { new { partyType = "Person", nationalId = ownerNationalId, fullName = "مریم احمدی", shareDang = 6 } },
        }, admin).ExpectAsync(HttpStatusCode.Created);
        return code;
    }

    private async Task<long> ScalarAsync(string database, string sql, object parameter)
    {
        await using var connection = await stack.OpenDatabaseAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<Guid[]> EventIdsAsync(string[] files)
    {
        await using var connection = await stack.OpenDatabaseAsync("urbanplanning");
        await using var command = new NpgsqlCommand("""
            SELECT (payload->>'eventId')::uuid FROM outbox_messages
            WHERE message_type LIKE '%UrbanPlanningFileOpened' AND payload->>'fileNumber' = ANY($1)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = files });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }
}
