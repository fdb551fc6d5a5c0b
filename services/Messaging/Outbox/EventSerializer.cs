using System.Collections.Concurrent;
using System.Text.Json;
using CityEServices.Contracts.Events;

namespace CityEServices.Messaging.Outbox;

/// <summary>
/// Outbox payloads are the events' own JSON. A stored type name resolves only to an event record in
/// Contracts: the name comes from a database row, and must never be able to name any other type.
/// </summary>
public static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">The event is not a Contracts event, so the relay could never read it back.</exception>
    public static string TypeName(IntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        if (type.Assembly != typeof(IntegrationEvent).Assembly || type.FullName is null)
        {
            // Refused when written, so the save fails now instead of the row failing in the outbox for ever.
            throw new ArgumentException($"'{type.FullName}' is not an integration event in Contracts; only Contracts events are published.", nameof(integrationEvent));
        }

        return type.FullName;
    }

    public static string Serialize(IntegrationEvent integrationEvent) =>
        JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Options);

    public static IntegrationEvent Deserialize(string typeName, string payload)
    {
        var type = Types.GetOrAdd(typeName, static name =>
            typeof(IntegrationEvent).Assembly.GetType(name, throwOnError: false) is { IsAbstract: false } candidate
            && typeof(IntegrationEvent).IsAssignableFrom(candidate) ? candidate : null)
            ?? throw new InvalidOperationException($"'{typeName}' is not an integration event in Contracts.");

        return (IntegrationEvent)(JsonSerializer.Deserialize(payload, type, Options)
            ?? throw new InvalidOperationException($"Outbox payload of '{typeName}' is empty."));
    }
}
