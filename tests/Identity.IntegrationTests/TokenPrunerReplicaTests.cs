using CityEServices.Identity.Data;
using CityEServices.Identity.IntegrationTests.Infrastructure;
using CityEServices.Identity.Jobs;
using CityEServices.Messaging.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>
/// Token pruning across replicas: two pruners with holders of their own (two pods) against one identity
/// database prune once per interval between them, however often and however many of them ask. Their
/// clock is a <see cref="FakeTimeProvider"/> (the minimum age is measured on it); whether a round is due
/// is the database's clock, as in production, so "the next interval" is the lease row moved back.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class TokenPrunerReplicaTests(IdentityServiceWithFakeClock identity) : IClassFixture<IdentityServiceWithFakeClock>, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumAge = TimeSpan.FromDays(14);

    /// <summary>The replicas' clock, not the service's: the service's own pruner (on the fixture's clock) asks only once, at start-up.</summary>
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly List<ILoggerFactory> _loggers = [];
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private JobLeases<IdentityDbContext> Leases => identity.Factory.Services.GetRequiredService<JobLeases<IdentityDbContext>>();

    public void Dispose() => _loggers.ForEach(f => f.Dispose());

    [Fact]
    public async Task Two_replicas_prune_once_per_interval_between_them()
    {
        // The service's own pruner ran its first round when the host started.
        await Eventually.UntilAsync(
            async () => await Leases.FindAsync(TokenPruner.JobName, default) is { Runs: >= 1, Holder: null },
            TimeSpan.FromSeconds(30),
            "the service's own first round is done");
        var runsBefore = (await Leases.FindAsync(TokenPruner.JobName, default))!.Runs;
        var (one, oneLog) = Replica();
        var (two, twoLog) = Replica();

        // Pods started now do not begin the count again: the schedule is in the database.
        Assert.DoesNotContain(true, await AskTogetherAsync(one, two));

        var now = _clock.GetUtcNow();
        await InsertExpiredTokenAsync(Id("old"), now - MinimumAge - TimeSpan.FromDays(1));
        await InsertExpiredTokenAsync(Id("young"), now - MinimumAge + TimeSpan.FromHours(12));

        // The round is due: of ten asks from both replicas together, one prunes.
        await Leases.TriggerAsync(TokenPruner.JobName, default);
        Assert.Equal(1, (await AskTogetherAsync(one, two)).Count(ran => ran));
        Assert.Equal(0L, await CountTokensAsync(Id("old")));
        Assert.Equal(1L, await CountTokensAsync(Id("young")));
        Assert.Equal(1, Rounds(oneLog) + Rounds(twoLog));
        var lease = (await Leases.FindAsync(TokenPruner.JobName, default))!;
        Assert.Equal(runsBefore + 1, lease.Runs);
        Assert.Null(lease.Holder);
        Assert.Null(lease.LastError);
        Assert.Equal(Interval, lease.NextRunAt - lease.LastFinishedAt!.Value);

        // Within the interval nobody prunes again, however often they ask.
        Assert.DoesNotContain(true, await AskTogetherAsync(one, two));
        Assert.Equal(1, Rounds(oneLog) + Rounds(twoLog));

        // A day later (the replicas' clock) the young row has come of age, and the next interval is due
        // (the database's clock): again one round between them, and it takes the row.
        _clock.Advance(TimeSpan.FromDays(1));
        await identity.ExecuteAsync("UPDATE job_leases SET next_run_at = now() - interval '1 second' WHERE name = @name", ("name", TokenPruner.JobName));
        Assert.Equal(1, (await AskTogetherAsync(one, two)).Count(ran => ran));
        Assert.Equal(0L, await CountTokensAsync(Id("young")));
        Assert.Equal(2, Rounds(oneLog) + Rounds(twoLog));
        Assert.Equal(runsBefore + 2, (await Leases.FindAsync(TokenPruner.JobName, default))!.Runs);
    }

    /// <summary>A pruner as another pod would run it: its own holder id and log, the same database, the test's clock.</summary>
    private (TokenPruner Job, LogCapture Log) Replica()
    {
        var log = new LogCapture(typeof(TokenPruner).FullName!);
        var loggers = LoggerFactory.Create(logging => logging.AddProvider(log));
        _loggers.Add(loggers);
        var settings = new IdentitySettings { Pruning = { Interval = Interval, MinimumAge = MinimumAge } };
        var job = ActivatorUtilities.CreateInstance<TokenPruner>(
            identity.Factory.Services, Options.Create(settings), (TimeProvider)_clock, loggers.CreateLogger<TokenPruner>());
        return (job, log);
    }

    private static Task<bool[]> AskTogetherAsync(TokenPruner one, TokenPruner two) =>
        Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? one : two).RunIfDueAsync(default)));

    private static int Rounds(LogCapture log) =>
        log.Entries.Count(e => e.Level == LogLevel.Information && e.Message.StartsWith("Pruned ", StringComparison.Ordinal));

    private string Id(string name) => $"{name}-{_run}";

    private Task InsertExpiredTokenAsync(string id, DateTimeOffset created) =>
        identity.ExecuteAsync(
            """INSERT INTO "OpenIddictTokens" ("Id", "CreationDate", "ExpirationDate", "Status", "Subject", "Type") VALUES (@id, @created, @expires, 'valid', 'pruning-test', 'access_token')""",
            ("id", id), ("created", created), ("expires", created.AddHours(1)));

    private Task<long> CountTokensAsync(string id) =>
        identity.CountAsync("""SELECT count(*) FROM "OpenIddictTokens" WHERE "Id" = @id""", ("id", id));
}
