using CityEServices.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityEServices.Web.Audit;

/// <summary>
/// Every <see cref="AuditHeadOptions.SealInterval"/>, chains the entries of each trail written since the last
/// round (<see cref="AuditChain.InstallSealing"/>), so writers never wait for one another to commit. Every
/// replica runs one: a round with nothing to seal is one index probe, and the table's lock makes concurrent
/// rounds take turns.
/// </summary>
public sealed partial class AuditChainSealer<TDbContext>(
    IServiceScopeFactory scopes, AuditTrails trails, IOptions<AuditHeadOptions> options, TimeProvider time, ILogger<AuditChainSealer<TDbContext>> logger)
    : BackgroundService where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SealInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SealInterval, time);
        var failing = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                foreach (var table in trails.Tables)
                {
                    await db.SealAuditChainAsync(table, stoppingToken);
                }

                failing = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away: what is pending stays pending, and the next round chains it.
                // Said once per outage, not once a second.
                if (!failing)
                {
                    LogFailed(logger, e);
                }

                failing = true;
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Chaining the audit entries written since the last round failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
