using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityEServices.Messaging.Persistence;

public static partial class DatabaseMigrationExtensions
{
    /// <summary>
    /// Applies the owning service's migrations before it serves. Waits for the database to come up
    /// (a pod may start before its server); EF Core's migration lock keeps replicas from racing.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this IHost host, TimeSpan? patience = null, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CityEServices.Migrations");
        var deadline = DateTimeOffset.UtcNow + (patience ?? TimeSpan.FromMinutes(2));
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, typeof(TDbContext).Name);
                return;
            }
            catch (Exception ex) when (DateTimeOffset.UtcNow < deadline && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                LogWaiting(logger, typeof(TDbContext).Name, delay.TotalSeconds, ex.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private static bool IsTransient(Exception ex) => ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException
        || ex.InnerException is not null && IsTransient(ex.InnerException);

    [LoggerMessage(LogLevel.Information, "{Context}: database migrated")]
    private static partial void LogMigrated(ILogger logger, string context);

    [LoggerMessage(LogLevel.Warning, "{Context}: database not reachable yet, retrying in {Seconds}s ({Reason})")]
    private static partial void LogWaiting(ILogger logger, string context, double seconds, string reason);
}
