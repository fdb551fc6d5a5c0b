namespace CityEServices.AppHost.Infrastructure;

/// <summary>Where one kind of server (PostgreSQL, RabbitMQ, Redis) comes from in this run.</summary>
public enum InfrastructureSource
{
    /// <summary>ConnectionStrings:&lt;kind&gt; was given: use that server as it is.</summary>
    Configured,

    /// <summary>A container runtime answered: the usual Aspire containers.</summary>
    Containers,

    /// <summary>Neither: the Debian server binaries, started by the AppHost on 127.0.0.1.</summary>
    LocalServers,
}
