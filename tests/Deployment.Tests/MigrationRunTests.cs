using System.Diagnostics;
using System.Text;
using CityEServices.AppHost.Infrastructure;
using Npgsql;

namespace CityEServices.Deployment.Tests;

/// <summary>
/// The init containers' migration run, as the manifests start it: each service's own binary with the
/// init container's arguments, against a real PostgreSQL. Two replicas starting at once must both
/// succeed and apply each migration once; the service itself, told not to migrate, must not.
/// Every service that owns a database in the AppHost is run.
/// </summary>
public sealed class MigrationRunTests(MigrationRunTests.Postgres server) : IClassFixture<MigrationRunTests.Postgres>
{
    private const string AdminPassword = "Migration-Run-Passw0rd";

    private readonly LocalPostgres _postgres = server.Server;

    /// <summary>One PostgreSQL for the class; each test uses its own database on it.</summary>
    public sealed class Postgres : IAsyncLifetime
    {
        public LocalPostgres Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await LocalPostgres.StartAsync();

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    /// <summary>The AppHost's databases and the service that owns each.</summary>
    public static TheoryData<string, string> DatabaseOwners()
    {
        var data = new TheoryData<string, string>();
        foreach (var (database, owner) in CityInfrastructure.Databases.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            data.Add(owner, database);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DatabaseOwners))]
    public async Task Two_init_containers_starting_together_migrate_once_and_exit(string service, string connectionName)
    {
        var args = await MigrateArgsAsync(service);
        var database = _postgres.ConnectionString($"{service}_rollout");

        var runs = await Task.WhenAll(Run(service, connectionName, database, args), Run(service, connectionName, database, args));

        foreach (var (exitCode, output) in runs)
        {
            Assert.True(exitCode == 0, $"{service}: the migration run ended with {exitCode}:\n{output}");
            Assert.Contains("Database:MigrateOnly is set, so the process ends after migrating", output);
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""select count(*), count(distinct "MigrationId") from "__EFMigrationsHistory" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetInt64(0) > 0, $"{service}: no migration was recorded");
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
    }

    [Theory]
    [MemberData(nameof(DatabaseOwners))]
    public async Task The_service_with_start_up_migration_off_leaves_the_database_alone(string service, string connectionName)
    {
        var name = $"{service}_untouched";
        var database = _postgres.ConnectionString(name);

        var (_, output) = await Run(service, connectionName, database, [], ("Database__MigrateOnStartup", "false"), stopWhen: "start-up migration is off");

        Assert.Contains("start-up migration is off (Database:MigrateOnStartup=false)", output);
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from pg_database where datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Identity_seeds_its_admin_and_clients_when_it_starts_after_the_init_container()
    {
        var database = _postgres.ConnectionString("identity_seeded");
        var (exitCode, migrated) = await Run("identity", "identity-db", database, await MigrateArgsAsync("identity"));
        Assert.True(exitCode == 0, $"the migration run ended with {exitCode}:\n{migrated}");
        Assert.Equal(0L, await CountAsync(database, "select count(*) from users"));

        var (_, output) = await Run("identity", "identity-db", database, [], ("Database__MigrateOnStartup", "false"), stopWhen: "Application started");

        Assert.Contains("start-up migration is off", output);
        Assert.Equal(1L, await CountAsync(database, "select count(*) from users where user_name = 'admin'"));
        Assert.Equal(2L, await CountAsync(database, """select count(*) from "OpenIddictApplications" where "ClientId" in ('city-cli', 'city-staff')"""));
    }

    private static async Task<string[]> MigrateArgsAsync(string service)
    {
        var migrate = (await Manifests.RenderAsync("dev")).Deployment(service)!.InitContainers.Single(c => c.Str("name") == "migrate");
        return migrate.Seq("args").Select(a => ((YamlDotNet.RepresentationModel.YamlScalarNode)a).Value!).ToArray();
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs the built service; with <paramref name="stopWhen"/>, kills it once that text is logged.</summary>
    private static async Task<(int ExitCode, string Output)> Run(string service, string connectionName, string database, string[] args, (string Name, string Value)? extra = null, string? stopWhen = null)
    {
        // The service binary of the same build configuration as this test assembly (the AppHost reference builds it).
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var project = (await AppHostModel.LoadProjectsAsync()).Single(p => p.Name == service).ProjectPath;
        var dll = Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0", $"CityEServices.{Path.GetFileNameWithoutExtension(project)}.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment[$"ConnectionStrings__{connectionName}"] = database;
        // Never reached: a migration run only builds the service, and the other test stops it before it needs them.
        start.Environment["ConnectionStrings__rabbitmq"] = "amqp://guest:guest@127.0.0.1:1/";
        start.Environment["ConnectionStrings__redis"] = "127.0.0.1:1,abortConnect=false";
        start.Environment["Identity__Url"] = "http://127.0.0.1:1";
        start.Environment["Identity__AdminPassword"] = AdminPassword;
        start.Environment["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        if (extra is { } variable)
        {
            start.Environment[variable.Name] = variable.Value;
        }

        var output = new StringBuilder();
        var seen = new TaskCompletionSource();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (stopWhen is not null && e.Data.Contains(stopWhen, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await (stopWhen is null ? process.WaitForExitAsync(timeout.Token) : seen.Task.WaitAsync(timeout.Token));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
