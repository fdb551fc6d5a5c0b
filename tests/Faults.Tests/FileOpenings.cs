using System.Collections.Concurrent;
using System.Net;

namespace CityEServices.Faults.Tests;

/// <summary>
/// A steady stream of urban-planning file openings through the gateway (one property per file, all
/// owned by the sample world's applicant), and the checks every fault test makes afterwards: each
/// accepted file has its dossier, and the archive applied its event exactly once.
/// </summary>
public sealed class FileOpenings(FaultStackFixture stack, SampleWorld world, IReadOnlyList<string> renovationCodes)
{
    private static int _sequence = Random.Shared.Next(10_000, 40_000);

    public ConcurrentQueue<string> Opened { get; } = new();

    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>A world and <paramref name="count"/> properties its applicant owns outright, ready to be opened.</summary>
    public static async Task<FileOpenings> PrepareAsync(FaultStackFixture stack, int district, int count)
    {
        var admin = await stack.AdminTokenAsync();
        var world = await SampleWorld.CreateAsync(stack.Gateway, admin, district);
        var codes = new ConcurrentBag<string>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) =>
        {
            var n = Interlocked.Increment(ref _sequence);
            var code = $"{district}-{n % 90 + 1}-{n}-{n % 700 + 1}-0-0-0";
            await stack.Gateway.PostAsJsonAsync("/api/properties", new
            {
                renovationCode = code,
                registrationPlate = new { section = 9, main = 300, sub = n % 900 + 1 },
                district,
                address = "تهران، خیابان آزادی، پلاک " + n,
                postalCode = "1345678" + (n % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                landAreaM2 = 150m,
                buildingAreaM2 = 300m,
                floors = 2,
                usage = "Residential",
                owners = new[] { new { partyType = "Person", nationalId = world.ApplicantNationalId, fullName = "مریم احمدی", shareDang = 6 } },
            }, admin).ExpectAsync(HttpStatusCode.Created);
            codes.Add(code);
        });
        return new FileOpenings(stack, world, [.. codes]);
    }

    /// <summary>Opens one file per property, one every <paramref name="interval"/>, until all are opened or <paramref name="stop"/> fires.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken stop)
    {
        // The stream's pace, not a wait for anything: a steady load while the fault comes and goes.
        using var pace = new PeriodicTimer(interval);
        foreach (var code in renovationCodes)
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            using var response = await stack.Gateway.PostAsJsonAsync("/api/urban-planning/files", new
            {
                renovationCode = code,
                applicantNationalId = world.ApplicantNationalId,
                officeCode = world.OfficeCode,
            }, world.OperatorToken);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var body = await response.ReadJsonAsync(HttpStatusCode.Created);
                Opened.Enqueue(body["fileNumber"]!.GetValue<string>());
            }
            else
            {
                Refused.Enqueue($"{code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }

            try
            {
                await pace.WaitForNextTickAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Polls until <paramref name="count"/> files have been opened, failing with <paramref name="what"/>
    /// (and the refusals so far) when they are not, or when the stream has run out first.
    /// </summary>
    public async Task WaitUntilOpenedAsync(int count, string what)
    {
        await Eventually.UntilAsync(
            () => Task.FromResult(Opened.Count >= count || !Refused.IsEmpty || Opened.Count + Refused.Count >= renovationCodes.Count),
            TimeSpan.FromSeconds(90),
            what);
        Assert.True(Opened.Count >= count, $"{what}: {Opened.Count} of {count} opened; refused: {string.Join("; ", Refused)}");
    }

    /// <summary>Every accepted file has its dossier, and each file's event was applied by the archive exactly once.</summary>
    public async Task AssertEveryFileReachedTheArchiveOnceAsync(TimeSpan deadline)
    {
        string[] files = [.. Opened];
        Assert.NotEmpty(files);

        await Eventually.UntilAsync(
            async () => await stack.ScalarAsync("archive", "SELECT count(*) FROM dossiers WHERE file_number = ANY($1)", files) == files.Length,
            deadline,
            $"a dossier for each of the {files.Length} accepted files");

        // One event per file in urban planning's outbox, all confirmed by the broker...
        var events = await stack.ScalarAsync("urbanplanning", """
            SELECT count(*) FROM outbox_messages
            WHERE message_type LIKE '%UrbanPlanningFileOpened' AND payload->>'fileNumber' = ANY($1)
            """, files);
        Assert.Equal(files.Length, events);
        await Eventually.UntilAsync(
            async () => await stack.ScalarAsync("urbanplanning", """
                SELECT count(*) FROM outbox_messages
                WHERE message_type LIKE '%UrbanPlanningFileOpened' AND payload->>'fileNumber' = ANY($1) AND published_at IS NULL
                """, files) == 0,
            deadline,
            "every outbox row marked published");

        // ...and exactly one inbox record per event in the archive: applied once, whatever was redelivered.
        var eventIds = await EventIdsAsync(files);
        var applied = await stack.ScalarAsync("archive", """
            SELECT count(*) FROM inbox_messages WHERE consumer = 'UrbanPlanningFileOpenedConsumer' AND message_id = ANY($1)
            """, eventIds);
        Assert.Equal(files.Length, applied);
    }

    private async Task<Guid[]> EventIdsAsync(string[] files)
    {
        await using var connection = await stack.OpenDatabaseAsync("urbanplanning");
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT (payload->>'eventId')::uuid FROM outbox_messages
            WHERE message_type LIKE '%UrbanPlanningFileOpened' AND payload->>'fileNumber' = ANY($1)
            """, connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = files });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }
}
