namespace CityEServices.Archive.Features.Fixity;

/// <summary>
/// Records a fixity run to be worked through later, and wakes the <see cref="FixityWorker"/>: the one
/// way an archivist's request and the schedule start a run. Recording is all a request waits for.
/// </summary>
public sealed partial class FixityRequests(
    ArchiveDbContext db, JobLeases<ArchiveDbContext> leases, IOptions<FixityOptions> options, TimeProvider time, ILogger<FixityRequests> logger)
{
    public async Task<FixityCheck> RequestAsync(FixityTrigger trigger, string? fileNumber, Caller caller, CancellationToken cancellationToken)
    {
        var run = FixityCheck.Request(trigger, fileNumber, caller.Actor, time.GetDatabaseNow());
        db.FixityChecks.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await WakeWorkerAsync(cancellationToken);
        return run;
    }

    /// <summary>
    /// The schedule's whole-store run, unless one is still waiting or running (the store is not queued up
    /// twice), or one was requested less than half an interval ago (a schedule job repeated after its
    /// replica died between recording the run and moving the schedule on records nothing more).
    /// </summary>
    public async Task<FixityCheck?> RequestScheduledAsync(CancellationToken cancellationToken)
    {
        var recent = time.GetDatabaseNow() - (options.Value.Interval / 2);
        if (await db.FixityChecks.AnyAsync(c => c.Trigger == FixityTrigger.Scheduled && (c.Status != FixityRunStatus.Completed || c.RequestedAt > recent), cancellationToken))
        {
            LogScheduledSkipped(logger);
            await WakeWorkerAsync(cancellationToken);
            return null;
        }

        return await RequestAsync(FixityTrigger.Scheduled, null, Caller.System(Extensions.ServiceName), cancellationToken);
    }

    private async Task WakeWorkerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await leases.TriggerAsync(FixityWorker.JobName, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The run is recorded: without the wake-up it waits for the worker's next round instead.
            LogWakeFailed(logger, e);
        }
    }

    [LoggerMessage(LogLevel.Information, "The scheduled fixity run is not recorded: the previous one is still under way or was recorded moments ago")]
    private static partial void LogScheduledSkipped(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Could not wake the fixity worker; the run starts on its next round")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception);
}
