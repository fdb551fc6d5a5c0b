using System.Text.Json;
using CityEServices.Contracts.Events;

namespace CityEServices.Messaging.Outbox;

/// <summary>Outbox payloads are the events' own JSON; the type name resolves only to event records in Contracts.</summary>
public static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string TypeName(IntegrationEvent integrationEvent) => integrationEvent.GetType().FullName!;

    public static string Serialize(IntegrationEvent integrationEvent) =>
        JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Options);

    public static IntegrationEvent Deserialize(string typeName, string payload)
    {
        var type = typeof(IntegrationEvent).Assembly.GetType(typeName, throwOnError: false);
        if (type is null || !typeof(IntegrationEvent).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"'{typeName}' is not an integration event in Contracts.");
        }

        return (IntegrationEvent)(JsonSerializer.Deserialize(payload, type, Options)
            ?? throw new InvalidOperationException($"Outbox payload of '{typeName}' is empty."));
    }
}
