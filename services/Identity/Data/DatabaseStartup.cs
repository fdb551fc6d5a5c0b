using System.Net.Sockets;
using Npgsql;

namespace CityEServices.Identity.Data;

public static partial class DatabaseStartup
{
    /// <summary>
    /// Migrates the identity database the way every service does (<see cref="DatabaseMigrationExtensions"/>):
    /// before the host starts, so the initializer's keys and seeding find the schema in place;
    /// <c>Database:MigrateOnly=true</c> ends the process after it (the Kubernetes init container), and
    /// <c>Database:MigrateOnStartup=false</c> leaves the schema to that separate run.
    /// </summary>
    public static Task MigrateIdentityDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<IdentitySettings>>().Value;
        return app.MigrateDatabaseAsync<Data.IdentityDbContext>(settings.DatabaseStartupTimeout);
    }

    /// <summary>
    /// Runs <paramref name="work"/>, waiting for the database with backoff while it is unreachable: with
    /// start-up migration off nothing else has waited for it yet. Other errors fail at once.
    /// </summary>
    public static async Task WhileUnreachableRetryAsync(Func<Task> work, TimeSpan timeout, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + timeout;
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await work();
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

    [LoggerMessage(LogLevel.Warning, "Identity database unreachable (attempt {Attempt}); retrying in {DelaySeconds} s: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, int attempt, double delaySeconds, string reason);
}
