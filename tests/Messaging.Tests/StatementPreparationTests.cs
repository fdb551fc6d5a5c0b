using CityEServices.Messaging.Persistence;
using CityEServices.Messaging.Tests.Infrastructure;
using CityEServices.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CityEServices.Messaging.Tests;

/// <summary>A service's DbContext prepares the statements it repeats, unless the operator turns it off.</summary>
[Collection(ServersCollection.Name)]
public sealed class StatementPreparationTests(Servers servers, ITestOutputHelper output)
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
            servers, output, _ => { }, new Dictionary<string, string?> { [StatementPreparation.SettingKey] = "0" }, waitForBroker: false);

        Assert.Empty(await RepeatAndListPreparedAsync(host));
    }

    [Theory]
    [InlineData("Host=db;Database=city", null, 64)]
    [InlineData("Host=db;Database=city", "0", 0)]
    [InlineData("Host=db;Database=city", "8", 8)]
    [InlineData("Host=db;Database=city;Max Auto Prepare=5", "0", 5)]
    public void The_connection_string_wins_over_the_setting_and_the_setting_over_the_default(string connectionString, string? setting, int expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new(StatementPreparation.SettingKey, setting)])
            .Build();

        var applied = new Npgsql.NpgsqlConnectionStringBuilder(StatementPreparation.Apply(connectionString, configuration));

        Assert.Equal(expected, applied.MaxAutoPrepare);
        Assert.Equal("db", applied.Host);
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
