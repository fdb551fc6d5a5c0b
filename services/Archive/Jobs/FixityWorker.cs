namespace CityEServices.Archive.Jobs;

/// <summary>
/// Works through the fixity runs waiting (requested by archivists or by the schedule), one batch at a
/// time, on one replica at a time: the lease in <c>job_leases</c> decides which. The replica holding it
/// renews it while it works; should it die, its lease runs out and the next replica to look takes the
/// run over from the last batch it committed. Every <see cref="FixityOptions.WorkerInterval"/> each
/// replica looks; a new request makes it due at once.
/// </summary>
public sealed class FixityWorker(
    IServiceScopeFactory scopes, IOptions<FixityOptions> options, JobLeases<ArchiveDbContext> leases, TimeProvider time, ILogger<FixityWorker> logger)
    : PeriodicJob<ArchiveDbContext>(leases, time, logger)
{
    public const string JobName = "fixity-worker";

    public override string Name => JobName;

    protected override TimeSpan Interval => options.Value.WorkerInterval;

    protected override TimeSpan LeaseDuration => options.Value.LeaseDuration;

    /// <summary>Called after each committed batch; tests use it to stop a replica part-way through a run.</summary>
    internal Func<FixityProgress, CancellationToken, Task>? AfterBatch { get; set; }

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            FixityProgress? progress;
            await using (var scope = scopes.CreateAsyncScope())
            {
                progress = await scope.ServiceProvider.GetRequiredService<FixityRunner>().RunNextBatchAsync(options.Value.BatchSize, cancellationToken);
            }

            if (progress is null)
            {
                return;
            }

            if (AfterBatch is { } afterBatch)
            {
                await afterBatch(progress, cancellationToken);
            }
        }
    }
}
