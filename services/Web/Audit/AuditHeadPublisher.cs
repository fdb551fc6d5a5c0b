using CityEServices.Contracts.Events;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityEServices.Web.Audit;

/// <summary>
/// Every <see cref="AuditHeadOptions.HeadInterval"/>, the head of each chained table that moved since this
/// replica last published it goes into the service's outbox as <see cref="AuditHeadPublished"/>, so it reaches
/// the archive even if the broker is away now. Every replica publishes (no lease to keep): the archive keeps a
/// head once, however many replicas sent it.
/// </summary>
public sealed partial class AuditHeadPublisher<TDbContext>(
    IServiceScopeFactory scopes, AuditTrails trails, IOptions<AuditHeadOptions> options, TimeProvider time, ILogger<AuditHeadPublisher<TDbContext>> logger)
    : BackgroundService where TDbContext : DbContext
{
    private readonly Dictionary<string, long> _published = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.HeadInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.HeadInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PublishAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away: the next round publishes what this one could not.
                LogFailed(logger, e);
            }
        }
    }

    /// <summary>One round; how many heads it published.</summary>
    public async Task<int> PublishAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var moved = new List<(string Trail, long Sequence)>();
        foreach (var table in trails.Tables)
        {
            if (await db.AuditChainHeadAsync(table, cancellationToken) is not { } head
                || (_published.TryGetValue(table, out var last) && last == head.Sequence))
            {
                continue;
            }

            db.PublishOnCommit(new AuditHeadPublished(trails.Service, table, head.Sequence, Convert.ToHexStringLower(head.Hash)) { OccurredAt = time.GetUtcNow() });
            moved.Add((table, head.Sequence));
        }

        if (moved.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            moved.ForEach(m => _published[m.Trail] = m.Sequence);
        }

        return moved.Count;
    }

    [LoggerMessage(LogLevel.Error, "Publishing the audit chain heads failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
