using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityEServices.Messaging.Persistence;

public static partial class DatabaseMigrationExtensions
{
    /// <summary><c>Database:MigrateOnStartup</c> (default true): false leaves migrating to a separate run (Kubernetes: the init container).</summary>
    public const string MigrateOnStartupKey = "Database:MigrateOnStartup";

    /// <summary><c>Database:MigrateOnly</c> (default false): true migrates, then ends the process (exit code 0) without serving.</summary>
    public const string MigrateOnlyKey = "Database:MigrateOnly";

    /// <summary>
    /// Applies the owning service's migrations before it serves. Waits for the database to come up
    /// (a pod may start before its server); EF Core's migration lock (PostgreSQL: an exclusive lock on
    /// the history table for the whole run) keeps replicas from racing.
    /// Under Kubernetes each pod's init container runs the same image with
    /// <c>--Database:MigrateOnly=true</c> and the service itself runs with
    /// <c>Database__MigrateOnStartup=false</c>, so the schema is current before any new-version pod serves.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this IHost host, TimeSpan? patience = null, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CityEServices.Migrations");
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var migrateOnly = configuration.GetValue(MigrateOnlyKey, false);
        if (!migrateOnly && !configuration.GetValue(MigrateOnStartupKey, true))
        {
            LogSkipped(logger, typeof(TDbContext).Name);
            return;
        }

        await MigrateWithPatienceAsync<TDbContext>(host, logger, patience, cancellationToken);
        if (migrateOnly)
        {
            LogMigrateOnlyDone(logger, typeof(TDbContext).Name);
            // Disposing flushes the logs; the caller's app.Run() must not follow, so the process ends here.
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }

            Environment.Exit(0);
        }
    }

    private static Task MigrateWithPatienceAsync<TDbContext>(IHost host, ILogger logger, TimeSpan? patience, CancellationToken cancellationToken)
        where TDbContext : DbContext
    {
        var context = typeof(TDbContext).Name;
        return UnreachableDatabase.WhileUnreachableAsync(
            async () =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TDbContext>().Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, context);
            },
            patience ?? TimeSpan.FromMinutes(2),
            // The machine's clock, not the host's TimeProvider: a test host's pinned business clock would never end a wait.
            TimeProvider.System,
            (_, delay, error) =>
            {
                if (UnreachableDatabase.IsUnreachable(error))
                {
                    LogWaiting(logger, context, delay.TotalSeconds, error.Message);
                }
                else
                {
                    LogRetrying(logger, context, delay.TotalSeconds, error.Message);
                }
            },
            cancellationToken,
            IsWorthRetrying);
    }

    /// <summary>
    /// Any database error, not only an unreachable server: replicas (or init containers) migrating one new
    /// database at once collide (CREATE DATABASE twice, a column or index another one just added, seen in
    /// the rollout and replica tests), and the next attempt finds the work done. A real fault fails after the
    /// patience, except a statement the server cannot parse or does not support (42601, 0A000: a server older
    /// than the schema needs, or a broken migration), which fails at once: no retry makes it valid.
    /// </summary>
    private static bool IsWorthRetrying(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.SyntaxError or PostgresErrorCodes.FeatureNotSupported } => false,
        NpgsqlException => true,
        _ => UnreachableDatabase.IsUnreachable(exception) || exception.InnerException is { } inner && IsWorthRetrying(inner),
    };

    [LoggerMessage(LogLevel.Information, "{Context}: start-up migration is off (Database:MigrateOnStartup=false); the schema is migrated by a separate run")]
    private static partial void LogSkipped(ILogger logger, string context);

    [LoggerMessage(LogLevel.Information, "{Context}: Database:MigrateOnly is set, so the process ends after migrating")]
    private static partial void LogMigrateOnlyDone(ILogger logger, string context);

    [LoggerMessage(LogLevel.Information, "{Context}: database migrated")]
    private static partial void LogMigrated(ILogger logger, string context);

    [LoggerMessage(LogLevel.Warning, "{Context}: database not reachable yet, retrying in {Seconds}s ({Reason})")]
    private static partial void LogWaiting(ILogger logger, string context, double seconds, string reason);

    [LoggerMessage(LogLevel.Warning, "{Context}: migration failed, retrying in {Seconds}s (another replica may be migrating the same database: {Reason})")]
    private static partial void LogRetrying(ILogger logger, string context, double seconds, string reason);
}
