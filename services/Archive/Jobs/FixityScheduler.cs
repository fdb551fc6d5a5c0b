using CityEServices.Archive.Domain;
using CityEServices.Archive.Features.Fixity;
using Microsoft.Extensions.Options;

namespace CityEServices.Archive.Jobs;

/// <summary>
/// Runs a whole-store fixity check every <see cref="FixityOptions.Interval"/>, the first one interval
/// after start-up, as the archive itself (<c>system:archive</c>).
/// </summary>
public sealed partial class FixityScheduler(IServiceScopeFactory scopes, IOptions<FixityOptions> options, TimeProvider time, ILogger<FixityScheduler> logger) : BackgroundService
{
    private static readonly Caller Archive = Caller.System(Extensions.ServiceName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FixityRunner>().RunAsync(FixityTrigger.Scheduled, null, Archive, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database outage skips one round; the next tick tries again.
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Scheduled fixity check failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
