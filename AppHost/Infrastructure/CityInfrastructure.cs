using Aspire.Hosting.ApplicationModel;

namespace CityEServices.AppHost.Infrastructure;

/// <summary>
/// The servers every service needs, under the same connection-string names whichever way they are
/// provided: one database per service, the "rabbitmq" broker and the "redis" cache.
/// </summary>
public sealed class CityInfrastructure
{
    public static readonly IReadOnlyDictionary<string, string> Databases = new Dictionary<string, string>
    {
        ["identity-db"] = "identity",
        ["property-db"] = "property",
        ["urbanplanning-db"] = "urbanplanning",
        ["archive-db"] = "archive",
        ["officemanagement-db"] = "officemanagement",
        ["notifications-db"] = "notifications",
    };

    public required IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> DatabaseResources { get; init; }

    public required IResourceBuilder<IResourceWithConnectionString> RabbitMq { get; init; }

    public required IResourceBuilder<IResourceWithConnectionString> Redis { get; init; }

    /// <summary>What a service waits for before it starts: the servers themselves, healthy.</summary>
    public required IReadOnlyList<IResourceBuilder<IResource>> Servers { get; init; }

    /// <summary>The PostgreSQL server among <see cref="Servers"/> (none when it is configured, not run here).</summary>
    public required IReadOnlyList<IResourceBuilder<IResource>> DatabaseServers { get; init; }

    public IResourceBuilder<IResourceWithConnectionString> Database(string connectionName) => DatabaseResources[connectionName];
}
