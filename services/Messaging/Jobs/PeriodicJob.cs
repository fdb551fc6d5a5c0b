using Microsoft.EntityFrameworkCore;

namespace CityEServices.Messaging.Jobs;

/// <summary>
/// Work that must happen once per <see cref="Interval"/> across every replica of a service (fixity,
/// the SLA sweeper, token pruning). Each replica asks every <see cref="PollInterval"/> whether the job
/// is due and free; the one that gets the lease runs it, renewing the lease while it runs, then sets
/// the next run. A replica that dies mid-run stops renewing; once its lease runs out another one
/// runs the job again (so a run must be safe to repeat: each job's own work is idempotent).
/// </summary>
public abstract partial class PeriodicJob<TDbContext>(JobLeases<TDbContext> leases, TimeProvider time, ILogger logger) : BackgroundService
    where TDbContext : DbContext
{
    /// <summary>Who this replica is, in the lease row (host name and a random part: two replicas on one host differ).</summary>
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The job's name in <c>job_leases</c>, unique within the service.</summary>
    public abstract string Name { get; }

    /// <summary>Time between the end of one run and the start of the next; zero or less switches the job off.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>How often this replica asks whether the job is due.</summary>
    protected virtual TimeSpan PollInterval => Interval < TimeSpan.FromSeconds(30) ? Interval : TimeSpan.FromSeconds(30);

    /// <summary>How long a lease lasts without renewal: how soon another replica takes over a run whose replica died.</summary>
    protected virtual TimeSpan LeaseDuration => TimeSpan.FromMinutes(2);

    /// <summary>When a run fails, the next attempt comes after this (not after a whole interval).</summary>
    protected virtual TimeSpan RetryAfterFailure => Interval < TimeSpan.FromMinutes(1) ? Interval : TimeSpan.FromMinutes(1);

    protected abstract Task RunAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(PollInterval, time);
        do
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away: ask again next time rather than stop for good.
                LogPollFailed(logger, e, Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs the job once if it is due and this replica gets the lease; true when it ran.</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(Name, _holder, LeaseDuration, cancellationToken))
        {
            return false;
        }

        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewWhileRunningAsync(running);
        string? error = null;
        try
        {
            await RunAsync(running.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            LogRunFailed(logger, e, Name);
        }
        finally
        {
            await running.CancelAsync();
            await renewing;
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            await leases.CompleteAsync(Name, _holder, error is null ? Interval : RetryAfterFailure, error, CancellationToken.None);
            LogRan(logger, Name, _holder);
        }

        return true;
    }

    private async Task RenewWhileRunningAsync(CancellationTokenSource running)
    {
        try
        {
            using var timer = new PeriodicTimer(LeaseDuration / 3, time);
            while (await timer.WaitForNextTickAsync(running.Token))
            {
                if (!await leases.RenewAsync(Name, _holder, LeaseDuration, running.Token))
                {
                    // Another replica took over: stop rather than run the job twice at once.
                    LogLeaseLost(logger, Name);
                    await running.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    [LoggerMessage(LogLevel.Debug, "Job {Job} ran on {Holder}")]
    private static partial void LogRan(ILogger logger, string job, string holder);

    [LoggerMessage(LogLevel.Warning, "Could not ask whether job {Job} is due")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(LogLevel.Error, "Job {Job} failed; it runs again shortly")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(LogLevel.Warning, "Job {Job} lost its lease to another replica and stopped")]
    private static partial void LogLeaseLost(ILogger logger, string job);
}
