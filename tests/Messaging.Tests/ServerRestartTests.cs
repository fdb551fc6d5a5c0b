using System.Diagnostics;
using System.Globalization;
using CityEServices.TestSupport;
using Npgsql;

namespace CityEServices.Messaging.Tests;

/// <summary>
/// The test servers themselves: a test that stops a server and starts it again (an outage) must find
/// it serving once the start returns, or the rest of the run meets a server that is not there.
/// </summary>
public sealed class ServerRestartTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_postgres_started_again_serves_its_data_when_the_start_returns()
    {
        await using var postgres = await LocalPostgres.StartAsync();
        await ExecuteAsync(postgres, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");

        await postgres.StopAsync();
        await postgres.StartAgainAsync();

        Assert.Equal(7, await ExecuteAsync(postgres, "SELECT id FROM kept"));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_postgres_that_had_to_be_killed_starts_again_on_its_data()
    {
        await using var postgres = await LocalPostgres.StartAsync();
        await ExecuteAsync(postgres, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
        var directory = (string)(await ExecuteAsync(postgres, "SELECT setting FROM pg_settings WHERE name = 'data_directory'"))!;
        var postmaster = int.Parse(File.ReadLines(Path.Combine(directory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

        // A server that does not heed the stop signal (SIGSTOP holds it), so the stop has to kill it.
        using (var hold = Process.Start("bash", ["-c", $"kill -STOP {postmaster}"]))
        {
            await hold.WaitForExitAsync();
            Assert.Equal(0, hold.ExitCode);
        }

        await postgres.StopAsync(TimeSpan.FromSeconds(1));
        Assert.Contains("killed", postgres.Output, StringComparison.Ordinal);
        await postgres.StartAgainAsync();

        Assert.Equal(7, await ExecuteAsync(postgres, "SELECT id FROM kept"));
    }

    private static async Task<object?> ExecuteAsync(LocalPostgres postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
