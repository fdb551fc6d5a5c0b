namespace CityEServices.Archive.Jobs;

/// <summary>
/// Once every <see cref="FixityOptions.Interval"/> across all replicas (the schedule is a row in
/// <c>job_leases</c>, so a young pod does not start the count again), records a whole-store fixity run
/// as the archive itself (<c>system:archive</c>) and wakes the <see cref="FixityWorker"/>, which does the
/// hashing.
/// </summary>
public sealed class ScheduledFixity(
    IServiceScopeFactory scopes, IOptions<FixityOptions> options, JobLeases<ArchiveDbContext> leases, TimeProvider time, ILogger<ScheduledFixity> logger)
    : PeriodicJob<ArchiveDbContext>(leases, time, logger)
{
    public const string JobName = "fixity-schedule";

    public override string Name => JobName;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FixityRequests>().RequestScheduledAsync(cancellationToken);
    }
}
