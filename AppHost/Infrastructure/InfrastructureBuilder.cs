using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.AppHost.Infrastructure;

/// <summary>
/// Chooses, per kind of server, where it comes from — in this order: a connection string in
/// configuration; a container runtime that answers; the Debian binaries started here — and says so.
/// "Infrastructure:Mode" (auto | containers | local) overrides the container detection.
/// </summary>
public static class InfrastructureBuilder
{
    public static CityInfrastructure AddCityInfrastructure(this IDistributedApplicationBuilder builder, IList<string> decisions)
    {
        var configuration = builder.Configuration;
        // Only asked when some server is not configured: probing a container runtime takes time.
        var fallback = new Lazy<InfrastructureSource>(() => FallbackSource(configuration, decisions));
        var local = new Lazy<LocalServers>(() => new LocalServers(builder, configuration.GetSection("LocalServers").Get<LocalServerOptions>() ?? new()));

        var servers = new List<IResourceBuilder<IResource>>();
        var databaseServers = new List<IResourceBuilder<IResource>>();
        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();

        var postgresSource = SourceOf(configuration, "postgres", fallback);
        switch (postgresSource)
        {
            case InfrastructureSource.Configured:
                var server = configuration.GetConnectionString("postgres")!;
                foreach (var (name, database) in CityInfrastructure.Databases)
                {
                    databases[name] = Configured(builder, name, $"{server};Database={database}")
                        .WithHealthCheck(AddCheck(builder, name, new PostgresHealthCheck(server)));
                }

                decisions.Add("PostgreSQL: the server in ConnectionStrings:postgres (one database per service)");
                break;
            case InfrastructureSource.Containers:
                var postgres = builder.AddPostgres("postgres").WithDataVolume("cityeservices-postgres");
                servers.Add(postgres);
                databaseServers.Add(postgres);
                foreach (var (name, database) in CityInfrastructure.Databases)
                {
                    databases[name] = postgres.AddDatabase(name, database);
                }

                decisions.Add("PostgreSQL: Aspire container");
                break;
            default:
                var (pg, connectionString) = local.Value.AddPostgres();
                servers.Add(pg);
                databaseServers.Add(pg);
                foreach (var (name, database) in CityInfrastructure.Databases)
                {
                    databases[name] = Configured(builder, name, $"{connectionString};Database={database}").WaitFor(pg);
                }

                decisions.Add($"PostgreSQL: local Debian server on 127.0.0.1:{local.Value.Options.PostgresPort}, data in {local.Value.DataDirectory}");
                break;
        }

        IResourceBuilder<IResourceWithConnectionString> rabbit;
        switch (SourceOf(configuration, "rabbitmq", fallback))
        {
            case InfrastructureSource.Configured:
                var address = configuration.GetConnectionString("rabbitmq")!;
                var uri = new Uri(address);
                rabbit = builder.AddConnectionString("rabbitmq")
                    .WithHealthCheck(AddCheck(builder, "rabbitmq", new TcpHealthCheck(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port)));
                decisions.Add("RabbitMQ: the broker in ConnectionStrings:rabbitmq");
                break;
            case InfrastructureSource.Containers:
                var container = builder.AddRabbitMQ("rabbitmq").WithManagementPlugin().WithDataVolume("cityeservices-rabbitmq");
                servers.Add(container);
                rabbit = container;
                decisions.Add("RabbitMQ: Aspire container");
                break;
            default:
                var (server, amqp) = local.Value.AddRabbitMq();
                servers.Add(server);
                rabbit = Configured(builder, "rabbitmq", amqp).WaitFor(server);
                decisions.Add($"RabbitMQ: local Debian server on 127.0.0.1:{local.Value.Options.RabbitMqPort} (management http://localhost:{local.Value.Options.RabbitMqManagementPort}, guest/guest)");
                break;
        }

        IResourceBuilder<IResourceWithConnectionString> redis;
        switch (SourceOf(configuration, "redis", fallback))
        {
            case InfrastructureSource.Configured:
                var endpoint = configuration.GetConnectionString("redis")!.Split(',')[0].Split(':');
                redis = builder.AddConnectionString("redis")
                    .WithHealthCheck(AddCheck(builder, "redis", new TcpHealthCheck(endpoint[0], endpoint.Length > 1 ? int.Parse(endpoint[1]) : 6379)));
                decisions.Add("Redis: the server in ConnectionStrings:redis");
                break;
            case InfrastructureSource.Containers:
                var container = builder.AddRedis("redis").WithDataVolume("cityeservices-redis");
                servers.Add(container);
                redis = container;
                decisions.Add("Redis: Aspire container");
                break;
            default:
                var (server, address) = local.Value.AddRedis();
                servers.Add(server);
                redis = Configured(builder, "redis", address).WaitFor(server);
                decisions.Add($"Redis: local Debian server on 127.0.0.1:{local.Value.Options.RedisPort}");
                break;
        }

        return new CityInfrastructure { DatabaseResources = databases, RabbitMq = rabbit, Redis = redis, Servers = servers, DatabaseServers = databaseServers };
    }

    private static InfrastructureSource FallbackSource(IConfiguration configuration, IList<string> decisions)
    {
        var mode = configuration["Infrastructure:Mode"]?.Trim().ToLowerInvariant();
        switch (mode)
        {
            case "containers":
                return InfrastructureSource.Containers;
            case "local":
                return InfrastructureSource.LocalServers;
        }

        var runtime = configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"];
        if (ContainerRuntime.Answers(runtime))
        {
            return InfrastructureSource.Containers;
        }

        decisions.Add($"No container runtime answers ({runtime ?? "docker"} info failed): servers not configured run from the Debian binaries");
        return InfrastructureSource.LocalServers;
    }

    private static InfrastructureSource SourceOf(IConfiguration configuration, string kind, Lazy<InfrastructureSource> fallback) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString(kind)) ? fallback.Value : InfrastructureSource.Configured;

    private static IResourceBuilder<ConnectionStringResource> Configured(IDistributedApplicationBuilder builder, string name, string connectionString) =>
        builder.AddConnectionString(name, ReferenceExpression.Create($"{connectionString}"));

    private static string AddCheck(IDistributedApplicationBuilder builder, string resource, Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck check)
    {
        var key = $"{resource}-reachable";
        builder.Services.AddHealthChecks().AddCheck(key, check);
        return key;
    }
}
