namespace CityEServices.Notifications.Jobs;

/// <summary>
/// Once an hour across the replicas: finished deliveries, finished messages, the sink's messages and
/// then events older than Notifications:Retention are deleted. Pending work is never touched, and an
/// event goes only when no delivery of it is left.
/// </summary>
public sealed class RetentionJob(
    JobLeases<NotificationsDbContext> leases,
    IServiceScopeFactory scopes,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    ILogger<RetentionJob> logger) : PeriodicJob<NotificationsDbContext>(leases, time, logger)
{
    private readonly TimeProvider _time = time;

    public override string Name => "notifications-retention";

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var cutoff = _time.GetUtcNow() - options.Value.Retention;
        await db.Deliveries.Where(d => d.Status != DeliveryStatus.Pending && d.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.SmsMessages.Where(m => m.Status != SmsStatus.Pending && m.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.SinkMessages.Where(m => m.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.EventLog.Where(e => e.RecordedAt < cutoff && !db.Deliveries.Any(d => d.EventId == e.EventId)).ExecuteDeleteAsync(cancellationToken);
    }
}
