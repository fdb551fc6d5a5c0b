using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL, RabbitMQ and Redis from the Debian packages, run by the AppHost as executable resources
/// on 127.0.0.1 through the scripts in servers/ (the same scripts the tests use). Each has a health check,
/// so dependants start only once it really answers.
/// </summary>
public sealed class LocalServers(IDistributedApplicationBuilder builder, LocalServerOptions options)
{
    private const string Loopback = "127.0.0.1";

    public LocalServerOptions Options => options;

    public string DataDirectory { get; } = Path.GetFullPath(options.DataDirectory
        ?? Path.Combine(builder.AppHostDirectory, "..", ".city", "data"));

    private string Script(string name) => Path.Combine(builder.AppHostDirectory, "servers", name);

    public (IResourceBuilder<IResource> Server, string ConnectionString) AddPostgres()
    {
        var port = options.PostgresPort;
        var connectionString = $"Host={Loopback};Port={port};Username=postgres";
        var server = builder.AddExecutable("postgres", "bash", builder.AppHostDirectory,
                Script("postgres.sh"), port.ToString(), Path.Combine(DataDirectory, "postgres"))
            .WithEndpoint("tcp", e => Fixed(e, port, "tcp"))
            .WithHealthCheck(AddCheck("postgres", new PostgresHealthCheck($"{connectionString};Database=postgres;Timeout=3")));
        return (server, connectionString);
    }

    public (IResourceBuilder<IResource> Server, string ConnectionString) AddRabbitMq()
    {
        var server = builder.AddExecutable("rabbitmq-server", "bash", builder.AppHostDirectory,
                Script("rabbitmq.sh"), Path.Combine(DataDirectory, "rabbitmq"), options.RabbitMqPort.ToString(),
                options.RabbitMqManagementPort.ToString(), options.RabbitMqEpmdPort.ToString(), options.RabbitMqDistributionPort.ToString())
            .WithEndpoint("amqp", e => Fixed(e, options.RabbitMqPort, "amqp"))
            .WithEndpoint("management", e => Fixed(e, options.RabbitMqManagementPort, "http"))
            .WithHealthCheck(AddCheck("rabbitmq-server", new TcpHealthCheck(Loopback, options.RabbitMqPort)));
        return (server, $"amqp://guest:guest@{Loopback}:{options.RabbitMqPort}/");
    }

    public (IResourceBuilder<IResource> Server, string ConnectionString) AddRedis()
    {
        var server = builder.AddExecutable("redis-server", "bash", builder.AppHostDirectory,
                Script("redis.sh"), options.RedisPort.ToString(), Path.Combine(DataDirectory, "redis"))
            .WithEndpoint("tcp", e => Fixed(e, options.RedisPort, "redis"))
            .WithHealthCheck(AddCheck("redis-server", new TcpHealthCheck(Loopback, options.RedisPort)));
        return (server, $"{Loopback}:{options.RedisPort}");
    }

    // The servers bind their own fixed loopback ports; no proxy in between.
    private static void Fixed(EndpointAnnotation endpoint, int port, string scheme)
    {
        endpoint.Port = port;
        endpoint.TargetPort = port;
        endpoint.IsProxied = false;
        endpoint.UriScheme = scheme;
        endpoint.TargetHost = Loopback;
    }

    private string AddCheck(string resource, Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck check)
    {
        var key = $"{resource}-ready";
        builder.Services.AddHealthChecks().AddCheck(key, new StartupPatientHealthCheck(check, TimeProvider.System));
        return key;
    }
}
