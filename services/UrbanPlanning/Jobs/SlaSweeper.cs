namespace CityEServices.UrbanPlanning.Jobs;

/// <summary>
/// Once per <see cref="SlaOptions.SweepInterval"/> across every replica (a lease in <c>job_leases</c>),
/// finds requests past their SLA due date that were not announced yet, records each breach and
/// publishes <see cref="ServiceRequestSlaBreached"/> through the outbox in the same transaction. The
/// breach row's key is the request, so a breach is announced exactly once even if two sweepers ever
/// overlap (a lease that ran out mid-run): the second insert fails and its event is never written.
/// </summary>
public sealed partial class SlaSweeper(
    IServiceScopeFactory scopes, IOptions<SlaOptions> options, JobLeases<UrbanPlanningDbContext> leases, TimeProvider time, ILogger<SlaSweeper> logger)
    : PeriodicJob<UrbanPlanningDbContext>(leases, time, logger)
{
    public const string JobName = "sla-sweeper";

    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;

    /// <summary>States whose clock runs: a request here can be past due.</summary>
    private static readonly RequestStatus[] Running = [RequestStatus.Submitted, RequestStatus.UnderReview, RequestStatus.FeeAssessed, RequestStatus.Paid];

    private static readonly RequestStatus[] Closed = [RequestStatus.Issued, RequestStatus.Rejected];

    public override string Name => JobName;

    protected override TimeSpan Interval => options.Value.SweepInterval;

    /// <summary>Breaches recorded by the last run of this instance (for logs and tests).</summary>
    public int LastRecorded { get; private set; }

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetDatabaseNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UrbanPlanningDbContext>();

        // due_at is exact while a clock runs; a closed request's is fixed at its close. Requests waiting
        // on the citizen are left out: their due date moves on with the pause.
        var candidates = await db.Requests.AsNoTracking()
            .Where(r => r.DueAt != null
                && ((Running.Contains(r.Status) && r.DueAt < now) || (Closed.Contains(r.Status) && r.ClosedAt > r.DueAt))
                && !db.Set<SlaBreach>().Any(b => b.RequestId == r.Id))
            .OrderBy(r => r.DueAt)
            .Take(options.Value.BatchSize)
            .Join(db.Files.AsNoTracking(), r => r.FileNumber, f => f.FileNumber, (r, f) => new { Request = r, f.OfficeCode, f.District })
            .ToListAsync(cancellationToken);

        var recorded = 0;
        foreach (var candidate in candidates)
        {
            var request = candidate.Request;
            var clock = request.Clock;
            if (!clock.IsBreached(now) || clock.DueAt(now) is not { } due)
            {
                continue;
            }

            db.ChangeTracker.Clear();
            db.Add(new SlaBreach(request.Id, due, now));
            db.PublishOnCommit(new ServiceRequestSlaBreached(request.Id, request.FileNumber, candidate.OfficeCode, candidate.District, request.ServiceType, due, now)
            {
                OccurredAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                recorded++;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation(SlaBreachMapping.PrimaryKey))
            {
                // Another sweeper announced it first: nothing to do, nothing written.
                db.ChangeTracker.Clear();
            }
        }

        LastRecorded = recorded;
        if (recorded > 0)
        {
            LogBreaches(_logger, recorded);
        }
    }

    [LoggerMessage(LogLevel.Information, "Recorded {Count} SLA breaches")]
    private static partial void LogBreaches(ILogger logger, int count);
}
