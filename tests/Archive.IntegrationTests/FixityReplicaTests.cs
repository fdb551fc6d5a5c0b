using System.Net;
using System.Net.Http.Json;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Archive.Jobs;
using CityEServices.Contracts.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>The archive whose own fixity worker and schedule are off: the tests' "replicas" do the work.</summary>
public sealed class ReplicaFixityArchiveService(ServerFixture servers) : ArchiveService(servers)
{
    protected override TimeSpan FixityWorkerInterval => TimeSpan.Zero;
}

/// <summary>
/// Fixity across replicas: job instances with holders of their own (two pods) against one database. The
/// schedule records one run per period however many ask; a run is worked by one replica at a time; a
/// replica that dies part-way leaves its run to another, which goes on from the last batch committed and
/// re-hashes nothing already checked; a request only records a run, it never hashes.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FixityReplicaTests(ReplicaFixityArchiveService service, ITestOutputHelper output) : ServiceTest<ReplicaFixityArchiveService>(service, output), IClassFixture<ReplicaFixityArchiveService>
{
    /// <summary>A fixity worker as another pod would run it: its own holder id, the same database.</summary>
    private FixityWorker Worker(int batchSize, TimeSpan lease) =>
        ActivatorUtilities.CreateInstance<FixityWorker>(Service.Factory.Services, Options.Create(new FixityOptions
        {
            BatchSize = batchSize,
            LeaseDuration = lease,
            WorkerInterval = TimeSpan.FromSeconds(5),
        }));

    private ScheduledFixity Schedule() =>
        ActivatorUtilities.CreateInstance<ScheduledFixity>(Service.Factory.Services, Options.Create(new FixityOptions { Interval = TimeSpan.FromHours(1) }));

    private async Task<List<string>> UploadAsync(string fileNumber, int count)
    {
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var hashes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var receipt = await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "f.pdf", "application/pdf",
                ("category", "LEGACY_SCAN"), ("fileNumber", fileNumber), ("title", $"برگ {i}"), ("source", "LegacyImport"))))
                .AssertJsonAsync(HttpStatusCode.Created);
            hashes.Add(receipt.GetProperty("sha256").GetString()!);
        }

        return hashes;
    }

    private Task<long> ScheduledRunsAsync() => Service.CountAsync("SELECT count(*) FROM fixity_checks WHERE trigger = 'Scheduled'");

    [Fact]
    public async Task Two_replicas_record_one_scheduled_run_per_period_and_work_it_through_once()
    {
        await UploadAsync("07000000001", 3);
        var live = await Service.CountAsync("SELECT count(*) FROM documents WHERE disposed_at IS NULL");
        var before = await ScheduledRunsAsync();
        ScheduledFixity[] schedules = [Schedule(), Schedule()];

        var recorded = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => schedules[i % 2].RunIfDueAsync(default)));

        Assert.Equal(1, recorded.Count(r => r));
        Assert.Equal(before + 1, await ScheduledRunsAsync());

        // Both workers ask together, in batches of one content: one of them works the run, once.
        FixityWorker[] workers = [Worker(batchSize: 1, TimeSpan.FromSeconds(30)), Worker(batchSize: 1, TimeSpan.FromSeconds(30))];
        var worked = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => workers[i % 2].RunIfDueAsync(default)));
        Assert.Equal(1, worked.Count(w => w));
        Assert.Equal(1, await Service.CountAsync(
            "SELECT count(*) FROM fixity_checks WHERE trigger = 'Scheduled' AND status = 'Completed' AND documents_checked = @n AND documents_total = @n", ("n", (int)live)));

        // A pod started now (a young replica) does not begin the count again: the schedule is in the database.
        Assert.False(await Schedule().RunIfDueAsync(default));
        Assert.Equal(before + 1, await ScheduledRunsAsync());

        // The next period arrives: again exactly one run, whichever replica asks first.
        await Service.ExecuteAsync("UPDATE job_leases SET next_run_at = now() - interval '1 second' WHERE name = @n", ("n", ScheduledFixity.JobName));
        var nextPeriod = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => schedules[i % 2].RunIfDueAsync(default)));
        Assert.Equal(1, nextPeriod.Count(r => r));
        Assert.Equal(before + 2, await ScheduledRunsAsync());
        Assert.True(await workers[0].RunIfDueAsync(default));
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM fixity_checks WHERE status <> 'Completed'"));
    }

    [Fact]
    public async Task A_run_whose_replica_dies_part_way_is_completed_by_another_without_rehashing_what_was_checked()
    {
        const string file = "07000000002";
        var hashes = await UploadAsync(file, 6);
        using var archivist = Service.CreateClient(TestTokens.Create([Roles.Archivist]));

        // The request records the run and answers at once: nothing is hashed in it.
        using var response = await archivist.PostAsJsonAsync("/api/archive/fixity-checks", new { fileNumber = file });
        var runId = (await response.AssertJsonAsync(HttpStatusCode.Accepted)).GetProperty("runId").GetGuid();
        var waiting = await (await archivist.GetAsync(response.Headers.Location)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Pending", waiting.GetProperty("status").GetString());
        Assert.Equal(0, waiting.GetProperty("documentsChecked").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, waiting.GetProperty("intact").ValueKind);

        // Replica A takes the run, commits one batch of two, and dies: it never renews nor hands back its lease.
        using var death = new CancellationTokenSource();
        var dying = Worker(batchSize: 2, lease: TimeSpan.FromSeconds(4));
        dying.AfterBatch = (progress, _) => progress.RunId == runId ? death.CancelAsync() : Task.CompletedTask;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying.RunIfDueAsync(death.Token));

        var halfway = await (await archivist.GetAsync(response.Headers.Location)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Running", halfway.GetProperty("status").GetString());
        Assert.Equal(2, halfway.GetProperty("documentsChecked").GetInt32());
        Assert.Equal(6, halfway.GetProperty("documentsTotal").GetInt32());

        // What A checked is now gone from disk, and one it had not reached is damaged: a replica that
        // started over would report the first two missing; one that goes on finds only the damage.
        var checkedByA = await HashesAsync("SELECT d.sha256 FROM documents d, fixity_checks c WHERE c.id = @run AND d.file_number = @file AND d.sha256 <= c.checked_through", runId, file);
        var notYet = await HashesAsync("SELECT d.sha256 FROM documents d, fixity_checks c WHERE c.id = @run AND d.file_number = @file AND d.sha256 > c.checked_through", runId, file);
        Assert.Equal(2, checkedByA.Count);
        Assert.Equal(4, notYet.Count);
        Assert.Equal(hashes.Order(StringComparer.Ordinal), checkedByA.Concat(notYet).Order(StringComparer.Ordinal));
        checkedByA.ForEach(sha => File.Delete(Service.ContentPath(sha)));
        var damaged = notYet[^1];
        var bytes = await File.ReadAllBytesAsync(Service.ContentPath(damaged));
        bytes[^4] ^= 0x10;
        await File.WriteAllBytesAsync(Service.ContentPath(damaged), bytes);

        // Replica B: refused while A's lease holds, then takes the run over and completes it.
        var survivor = Worker(batchSize: 2, lease: TimeSpan.FromSeconds(30));
        Assert.False(await survivor.RunIfDueAsync(default));
        await Eventually.UntilAsync(() => survivor.RunIfDueAsync(default), TimeSpan.FromSeconds(20), "the surviving replica takes over once the dead one's lease ran out");

        var done = await (await archivist.GetAsync(response.Headers.Location)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal(6, done.GetProperty("documentsChecked").GetInt32());
        Assert.False(done.GetProperty("intact").GetBoolean());
        var finding = Assert.Single(done.GetProperty("findings").EnumerateArray());
        Assert.Equal(damaged, finding.GetProperty("expectedSha256").GetString());
        Assert.Equal("Mismatch", finding.GetProperty("problem").GetString());
        Assert.Equal(0, done.GetProperty("missing").GetInt32());
    }

    private async Task<List<string>> HashesAsync(string sql, Guid runId, string file)
    {
        await using var db = Service.OpenDatabase();
        await using var command = new Npgsql.NpgsqlCommand(sql + " ORDER BY d.sha256", db);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("file", file);
        var hashes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            hashes.Add(reader.GetString(0));
        }

        return hashes;
    }
}
