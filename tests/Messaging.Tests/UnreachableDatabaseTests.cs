using System.Collections.Concurrent;
using System.Net.Sockets;
using CityEServices.Messaging.Persistence;
using CityEServices.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CityEServices.Messaging.Tests;

public sealed class UnreachableDatabaseTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly CountingTimeProvider time = new();
    private readonly ConcurrentQueue<(int Attempt, TimeSpan Delay, Exception Error)> retries = new();
    private int attempts;

    [Fact(Timeout = 30_000)]
    public async Task Waits_out_an_unreachable_database_with_doubling_delays_on_the_given_clock()
    {
        var running = Run(() => Interlocked.Increment(ref attempts) <= 2 ? throw new NpgsqlException("refused", new SocketException()) : Task.CompletedTask,
            TimeSpan.FromMinutes(1));

        await AdvanceAfterRetryAsync(1);
        await AdvanceAfterRetryAsync(2);
        await Eventually.WithinAsync(running, Wait, "the third attempt to succeed");

        Assert.Equal(3, attempts);
        Assert.Equal(2, time.TimersCreated);
        Assert.Equal([(1, TimeSpan.FromMilliseconds(250)), (2, TimeSpan.FromMilliseconds(500))], retries.Select(r => (r.Attempt, r.Delay)));
    }

    [Fact(Timeout = 30_000)]
    public async Task Another_error_fails_at_once()
    {
        var running = Run(() =>
        {
            Interlocked.Increment(ref attempts);
            throw new PostgresException("relation does not exist", "ERROR", "ERROR", PostgresErrorCodes.UndefinedTable);
        }, TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<PostgresException>(() => running);

        Assert.Equal(PostgresErrorCodes.UndefinedTable, error.SqlState);
        Assert.Equal(1, attempts);
        Assert.Empty(retries);
    }

    [Fact(Timeout = 30_000)]
    public async Task Gives_up_with_the_original_error_when_the_next_wait_would_pass_the_patience()
    {
        var running = Run(() =>
        {
            Interlocked.Increment(ref attempts);
            throw new TimeoutException("no answer");
        }, TimeSpan.FromSeconds(2));

        // Waits of 0.25 + 0.5 + 1 s fit in 2 s; the next (2 s) would not.
        await AdvanceAfterRetryAsync(1);
        await AdvanceAfterRetryAsync(2);
        await AdvanceAfterRetryAsync(3);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.WithinAsync(running, Wait, "giving up"));

        Assert.Equal("no answer", error.Message);
        Assert.Equal(4, attempts);
        Assert.Equal(3, retries.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancellation_stops_the_wait()
    {
        using var cancellation = new CancellationTokenSource();
        var running = UnreachableDatabase.WhileUnreachableAsync(
            () => throw new TimeoutException(), TimeSpan.FromMinutes(1), time, (_, _, _) => cancellation.Cancel(), cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Eventually.WithinAsync(running, Wait, "cancelling"));
    }

    [Theory]
    [InlineData("socket", true)]
    [InlineData("timeout", true)]
    [InlineData("npgsql over a socket error", true)]
    [InlineData("server shutting down (57P01)", true)]
    [InlineData("database does not exist yet (3D000)", true)]
    [InlineData("wrapped socket error", true)]
    [InlineData("npgsql, not transient", false)]
    [InlineData("undefined table (42P01)", false)]
    [InlineData("invalid operation", false)]
    [InlineData("wrapped invalid operation", false)]
    public void Says_which_errors_mean_the_database_is_not_there_yet(string error, bool unreachable)
    {
        Exception exception = error switch
        {
            "socket" => new SocketException((int)SocketError.ConnectionRefused),
            "timeout" => new TimeoutException(),
            "npgsql over a socket error" => new NpgsqlException("x", new SocketException()),
            "server shutting down (57P01)" => Postgres(PostgresErrorCodes.AdminShutdown),
            "database does not exist yet (3D000)" => Postgres(PostgresErrorCodes.InvalidCatalogName),
            "wrapped socket error" => new InvalidOperationException("outer", new IOException("middle", new SocketException())),
            "npgsql, not transient" => new NpgsqlException("x"),
            "undefined table (42P01)" => Postgres(PostgresErrorCodes.UndefinedTable),
            "invalid operation" => new InvalidOperationException(),
            "wrapped invalid operation" => new InvalidOperationException("outer", new ArgumentException()),
            _ => throw new ArgumentOutOfRangeException(nameof(error)),
        };

        Assert.Equal(unreachable, UnreachableDatabase.IsUnreachable(exception));
    }

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    private Task Run(Func<Task> work, TimeSpan patience) =>
        UnreachableDatabase.WhileUnreachableAsync(work, patience, time, (attempt, delay, error) => retries.Enqueue((attempt, delay, error)), CancellationToken.None);

    /// <summary>Moves the fake clock past retry <paramref name="n"/>'s wait once that retry has been reported.</summary>
    private async Task AdvanceAfterRetryAsync(int n)
    {
        await Eventually.UntilAsync(() => Task.FromResult(retries.Count >= n), Wait, $"retry {n}");
        time.Advance(retries.ElementAt(n - 1).Delay);
    }

    /// <summary>Counts the timers asked of it: waits that real time would end too must still be on this clock.</summary>
    private sealed class CountingTimeProvider : FakeTimeProvider
    {
        private int timersCreated;

        public int TimersCreated => Volatile.Read(ref timersCreated);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref timersCreated);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
