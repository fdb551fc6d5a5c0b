using CityEServices.Messaging.Persistence;
using CityEServices.Messaging.Tests.Infrastructure;
using CityEServices.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CityEServices.Messaging.Tests;

/// <summary>
/// A service's DbContext prepares the statements it repeats, and a pooled connection is handed on without a session
/// reset; the operator can turn either back.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PooledConnectionsTests(Servers servers, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task A_query_run_repeatedly_is_prepared_on_the_server()
    {
        await using var host = await MessagingHost.StartAsync(servers, output, _ => { }, waitForBroker: false);

        Assert.Contains(await RepeatAndListPreparedAsync(host), s => s.Contains("widgets", StringComparison.OrdinalIgnoreCase));
    }

    [Fact(Timeout = 60_000)]
    public async Task Database_MaxAutoPrepare_0_leaves_every_statement_unprepared()
    {
        await using var host = await MessagingHost.StartAsync(
            servers, output, _ => { }, new Dictionary<string, string?> { [PooledConnections.MaxAutoPrepareKey] = "0" }, waitForBroker: false);

        Assert.Empty(await RepeatAndListPreparedAsync(host));
    }

    [Theory]
    [InlineData("Host=db;Database=city", null, 64)]
    [InlineData("Host=db;Database=city", "0", 0)]
    [InlineData("Host=db;Database=city", "8", 8)]
    [InlineData("Host=db;Database=city;Max Auto Prepare=5", "0", 5)]
    public void The_connection_string_wins_over_the_setting_and_the_setting_over_the_default(string connectionString, string? setting, int expected)
    {
        var configuration = Setting(PooledConnections.MaxAutoPrepareKey, setting);

        var applied = new Npgsql.NpgsqlConnectionStringBuilder(PooledConnections.Apply(connectionString, configuration));

        Assert.Equal(expected, applied.MaxAutoPrepare);
        Assert.Equal("db", applied.Host);
    }

    [Theory]
    [InlineData("Host=db;Database=city", null, true)]
    [InlineData("Host=db;Database=city", "true", false)]
    [InlineData("Host=db;Database=city", "false", true)]
    [InlineData("Host=db;Database=city;No Reset On Close=false", null, false)]
    [InlineData("Host=db;Database=city;NoResetOnClose=false", null, false)]
    [InlineData("Host=db;Database=city;Password='NoResetOnClose=false'", null, true)]
    public void A_pooled_connection_is_not_reset_unless_the_setting_or_the_connection_string_asks(string connectionString, string? setting, bool noReset)
    {
        var configuration = Setting(PooledConnections.ResetOnCloseKey, setting);

        var applied = new Npgsql.NpgsqlConnectionStringBuilder(PooledConnections.Apply(connectionString, configuration));

        Assert.Equal(noReset, applied.NoResetOnClose);
        Assert.Equal(64, applied.MaxAutoPrepare);
    }

    // What the reset would clear, seen by the next user of the one pooled connection: a session setting.
    [Theory(Timeout = 60_000)]
    [InlineData(null, "kept")]
    [InlineData("true", "")]
    public async Task What_a_session_set_reaches_the_next_user_of_its_connection_only_without_the_reset(string? setting, string expected)
    {
        var configuration = Setting(PooledConnections.ResetOnCloseKey, setting);
        var connectionString = PooledConnections.Apply(servers.Postgres.ConnectionString("postgres") + ";Maximum Pool Size=1", configuration);
        await using var source = Npgsql.NpgsqlDataSource.Create(connectionString);

        int first;
        await using (var connection = await source.OpenConnectionAsync())
        {
            first = await ScalarAsync<int>(connection, "SELECT pg_backend_pid()");
            await ScalarAsync<string>(connection, "SELECT set_config('city.marker', 'kept', false)");
        }

        await using (var connection = await source.OpenConnectionAsync())
        {
            Assert.Equal(first, await ScalarAsync<int>(connection, "SELECT pg_backend_pid()"));
            Assert.Equal(expected, await ScalarAsync<string>(connection, "SELECT coalesce(current_setting('city.marker', true), '')"));
        }
    }

    private static IConfiguration Setting(string key, string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(value is null ? [] : [new(key, value)]).Build();

    private static async Task<T> ScalarAsync<T>(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    // One DbContext, so one physical connection: the statements it prepared are visible in its own session.
    // Npgsql prepares a statement on its fifth use (AutoPrepareMinUsages).
    private static Task<List<string>> RepeatAndListPreparedAsync(MessagingHost host) => host.WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 6; i++)
        {
            await db.Widgets.Where(w => w.Name == $"absent-{i}").CountAsync();
        }

        return await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
    });
}
