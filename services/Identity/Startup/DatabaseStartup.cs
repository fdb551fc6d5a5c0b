using System.Net.Sockets;
using CityEServices.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityEServices.Identity.Startup;

internal static partial class DatabaseStartup
{
    /// <summary>
    /// Applies migrations, waiting for the database with backoff: under an orchestrator the server
    /// may still be starting. Other errors (a broken migration, bad credentials) fail at once.
    /// </summary>
    public static async Task MigrateAsync(IdentityDataContext db, TimeSpan timeout, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + timeout;
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, attempt);
                return;
            }
            catch (Exception e) when (IsUnreachable(e) && time.GetUtcNow() + delay < giveUpAt && !cancellationToken.IsCancellationRequested)
            {
                LogUnreachable(logger, attempt, delay.TotalSeconds, e.GetBaseException().Message);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    public static bool IsUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(LogLevel.Information, "Identity database is migrated (attempt {Attempt})")]
    private static partial void LogMigrated(ILogger logger, int attempt);

    [LoggerMessage(LogLevel.Warning, "Identity database unreachable (attempt {Attempt}); retrying in {DelaySeconds} s: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, int attempt, double delaySeconds, string reason);
}
