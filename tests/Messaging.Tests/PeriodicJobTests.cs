using System.Collections.Concurrent;
using CityEServices.Messaging.Jobs;
using CityEServices.Messaging.Persistence;
using CityEServices.Messaging.Tests.Infrastructure;
using CityEServices.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityEServices.Messaging.Tests;

/// <summary>
/// Work that must happen once per period happens once, however many replicas ask: two "replicas"
/// (two job instances with their own holder ids) share one real PostgreSQL schedule table.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PeriodicJobTests(Servers servers) : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var database = $"jobs_{Guid.NewGuid():N}"[..20];
        _services = new ServiceCollection()
            .AddDbContext<JobsDb>(o => o.UseNpgsql(servers.Postgres.ConnectionString(database)))
            .AddSingleton<JobLeases<JobsDb>>()
            .AddSingleton<RunLog>()
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobsDb>().Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private RecordingJob Replica(TimeSpan interval, TimeSpan? lease = null, Func<CancellationToken, Task>? work = null) =>
        new(_services.GetRequiredService<JobLeases<JobsDb>>(), _services.GetRequiredService<RunLog>(), interval, lease ?? TimeSpan.FromSeconds(30), work);

    [Fact]
    public async Task Two_replicas_asking_together_run_a_due_job_once()
    {
        var one = Replica(TimeSpan.FromHours(1));
        var two = Replica(TimeSpan.FromHours(1));

        var ran = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? one : two).RunIfDueAsync(default)));

        Assert.Equal(1, ran.Count(r => r));
        Assert.Single(_services.GetRequiredService<RunLog>().Runs);
        var lease = await _services.GetRequiredService<JobLeases<JobsDb>>().FindAsync(RecordingJob.JobName, default);
        Assert.Equal(1, lease!.Runs);
        Assert.Null(lease.Holder);
        Assert.True(lease.NextRunAt > lease.LastFinishedAt!.Value.AddMinutes(59), "the next run is an interval after this one");
    }

    [Fact]
    public async Task Over_several_periods_each_period_runs_once_on_whichever_replica_asks_first()
    {
        var interval = TimeSpan.FromMilliseconds(400);
        var replicas = new[] { Replica(interval), Replica(interval) };
        using var stop = new CancellationTokenSource();
        var polling = replicas.Select(r => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await r.RunIfDueAsync(default);
                await Task.Yield();
            }
        })).ToArray();

        var log = _services.GetRequiredService<RunLog>();
        await Eventually.UntilAsync(() => Task.FromResult(log.Runs.Count >= 5), TimeSpan.FromSeconds(30), "five periods ran");
        await stop.CancelAsync();
        await Task.WhenAll(polling);

        var runs = log.Runs.OrderBy(r => r.Started).ToList();
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].Started >= runs[i - 1].Finished, "runs never overlap");
            // Database and test clocks are the same machine's; allow their rounding.
            Assert.True(runs[i].Started - runs[i - 1].Finished >= interval - TimeSpan.FromMilliseconds(50), $"run {i} came {runs[i].Started - runs[i - 1].Finished} after the previous one");
        }
    }

    [Fact]
    public async Task A_run_left_by_a_replica_that_died_is_taken_up_once_its_lease_runs_out()
    {
        var leases = _services.GetRequiredService<JobLeases<JobsDb>>();
        var log = _services.GetRequiredService<RunLog>();
        // The first replica takes the lease and dies mid-run: it never renews nor hands it back.
        Assert.True(await leases.TryAcquireAsync(RecordingJob.JobName, "dead-replica", TimeSpan.FromSeconds(1), default));
        var survivor = Replica(TimeSpan.FromHours(1));

        Assert.False(await survivor.RunIfDueAsync(default));
        await Eventually.UntilAsync(() => survivor.RunIfDueAsync(default), TimeSpan.FromSeconds(15), "the survivor takes over the expired lease");

        Assert.Single(log.Runs);
    }

    [Fact]
    public async Task A_failed_run_is_recorded_and_retried_soon_rather_than_after_a_whole_interval()
    {
        var failing = Replica(TimeSpan.FromHours(1), work: _ => throw new InvalidOperationException("disk on fire"));

        Assert.True(await failing.RunIfDueAsync(default));

        var lease = await _services.GetRequiredService<JobLeases<JobsDb>>().FindAsync(RecordingJob.JobName, default);
        Assert.Equal("disk on fire", lease!.LastError);
        Assert.True(lease.NextRunAt < lease.LastFinishedAt!.Value.AddMinutes(5), "retried within minutes, not an hour");
    }

    public sealed class JobsDb(DbContextOptions<JobsDb> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddJobLeases();
    }

    public sealed class RunLog
    {
        public ConcurrentBag<(DateTimeOffset Started, DateTimeOffset Finished)> Runs { get; } = [];
    }

    private sealed class RecordingJob(JobLeases<JobsDb> leases, RunLog log, TimeSpan interval, TimeSpan lease, Func<CancellationToken, Task>? work)
        : PeriodicJob<JobsDb>(leases, TimeProvider.System, NullLogger.Instance)
    {
        public const string JobName = "recording";

        public override string Name => JobName;

        protected override TimeSpan Interval => interval;

        protected override TimeSpan LeaseDuration => lease;

        protected override async Task RunAsync(CancellationToken cancellationToken)
        {
            var started = DateTimeOffset.UtcNow;
            if (work is not null)
            {
                await work(cancellationToken);
            }

            log.Runs.Add((started, DateTimeOffset.UtcNow));
        }
    }
}
