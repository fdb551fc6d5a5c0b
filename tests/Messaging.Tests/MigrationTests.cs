using CityEServices.Messaging.Persistence;
using CityEServices.Messaging.Tests.Infrastructure;
using CityEServices.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CityEServices.Messaging.Tests;

[Collection(ServersCollection.Name)]
public sealed class MigrationTests(Servers servers)
{
    [Fact(Timeout = 60_000)]
    public async Task Replicas_starting_together_migrate_a_new_database_once()
    {
        var database = $"migrate_{Guid.NewGuid():N}"[..20];
        using var first = BuildHost(servers.Postgres, database);
        using var second = BuildHost(servers.Postgres, database);

        // Both race to create the database and apply the migration, as two pods of one service would.
        await Task.WhenAll(
            first.MigrateDatabaseAsync<TestDb>(TimeSpan.FromSeconds(30)),
            second.MigrateDatabaseAsync<TestDb>(TimeSpan.FromSeconds(30)));

        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDb>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Single(await db.Database.GetAppliedMigrationsAsync());
        var tables = await db.Database.SqlQuery<string>($"SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1").ToListAsync();
        Assert.Equal(["__EFMigrationsHistory", "effects", MessagingModelBuilderExtensions.InboxTable, MessagingModelBuilderExtensions.OutboxTable, "widgets"], tables);
    }

    [Fact(Timeout = 90_000)]
    public async Task Migration_waits_for_a_database_server_that_is_not_up_yet()
    {
        // A server of its own to stop and start again: the one every other test shares stays up, whatever
        // happens here.
        await using var postgres = await LocalPostgres.StartAsync();
        var database = $"migrate_{Guid.NewGuid():N}"[..20];
        var log = new LogRecorder();
        using var host = BuildHost(postgres, database, log);

        await postgres.StopAsync();
        Task migration;
        try
        {
            migration = host.MigrateDatabaseAsync<TestDb>(TimeSpan.FromSeconds(45));
            // Refused twice and still trying: it waits for the server rather than giving up on the first refusal.
            await Eventually.UntilAsync(() => Task.FromResult(log.Count("database not reachable yet, retrying") >= 2 || migration.IsCompleted),
                TimeSpan.FromSeconds(20), "two refused attempts to migrate while the server is down");
            Assert.False(migration.IsCompleted, $"MigrateDatabaseAsync gave up while the server was down: {migration.Exception?.GetBaseException().Message}");
        }
        finally
        {
            await postgres.StartAgainAsync();
        }

        await Eventually.WithinAsync(migration, TimeSpan.FromSeconds(40), () => $"the migration once the server was back. The server said:\n{postgres.Output}");
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Single(await scope.ServiceProvider.GetRequiredService<TestDb>().Database.GetAppliedMigrationsAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_migration_the_server_cannot_parse_fails_at_once_with_the_servers_error()
    {
        var log = new LogRecorder();
        using var host = BuildHost<UnparsableDb>(servers.Postgres, $"migrate_{Guid.NewGuid():N}"[..20], log);

        // Retrying would only repeat the error until the patience ran out: a server too old for the schema has
        // to say so in the first second, not after minutes of "retrying".
        var error = await Assert.ThrowsAsync<PostgresException>(() => host.MigrateDatabaseAsync<UnparsableDb>(TimeSpan.FromSeconds(40)));

        Assert.Equal(PostgresErrorCodes.SyntaxError, error.SqlState);
        Assert.Equal(0, log.Count("retrying"));
    }

    private static IHost BuildHost(LocalPostgres postgres, string database, LogRecorder? log = null) =>
        BuildHost<TestDb>(postgres, database, log);

    private static IHost BuildHost<TDbContext>(LocalPostgres postgres, string database, LogRecorder? log)
        where TDbContext : DbContext
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (log is not null)
        {
            builder.Logging.AddProvider(log);
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:test-db"] = new NpgsqlConnectionStringBuilder(postgres.ConnectionString(database))
            {
                // Fail fast while the server is down, so the retry loop is what waits.
                Timeout = 3,
            }.ConnectionString,
        });
        builder.AddServiceDatabase<TDbContext>("test-db");
        return builder.Build();
    }
}
