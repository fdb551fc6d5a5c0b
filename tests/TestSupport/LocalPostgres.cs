using Npgsql;

namespace CityEServices.TestSupport;

/// <summary>A real PostgreSQL server from the Debian binaries, on a free loopback port, with throwaway data.</summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private LocalPostgres(int port, string dataDirectory)
    {
        Port = port;
        // fsync off: this data is thrown away after the run, and the tests run faster without it.
        _server = new ServerProcess("postgres", "postgres.sh", [port.ToString(), dataDirectory, "-c", "fsync=off", "-c", "synchronous_commit=off"], IsReadyAsync,
            // SIGINT is PostgreSQL's fast shutdown: it ends client sessions and stops. SIGTERM (smart) would
            // wait for every pooled connection of the test process to close.
            stopSignal: ServerProcess.SigInt,
            dataDirectory: dataDirectory);
    }

    public int Port { get; }

    public string Output => _server.Output;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    public static async Task<LocalPostgres> StartAsync()
    {
        var postgres = new LocalPostgres(FreePort.Next(), RepositoryPaths.NewDataDirectory("postgres"));
        try
        {
            await postgres.StartAgainAsync();
        }
        catch
        {
            // A server that did not become ready in time may still be running: stop it before giving up.
            await postgres.DisposeAsync();
            throw;
        }

        return postgres;
    }

    public Task StartAgainAsync() => _server.StartAsync(TimeSpan.FromSeconds(60));

    /// <summary>Fast shutdown; killed when that takes longer than <paramref name="patience"/> (30 s unless said).</summary>
    public Task StopAsync(TimeSpan? patience = null) => _server.StopAsync(patience);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        // Unpooled, and a round trip: after a restart the pool still holds a connection to the server that
        // was stopped, and opening that asks nothing of the server, so a restart looked ready at once.
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var ping = new NpgsqlCommand("SELECT 1", connection);
        await ping.ExecuteScalarAsync(cancellationToken);
        return true;
    }
}
