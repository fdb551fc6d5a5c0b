using System.Text.Json;
using System.Text.Json.Nodes;
using CityEServices.Contracts.Events;
using CityEServices.Iran;

namespace CityEServices.Notifications.Domain.Events;

/// <summary>An event's data as stored (its JSON without the envelope) and as one subscriber may read it.</summary>
public static class EventData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The members that become CloudEvents attributes (id, time) or stay ours (correlation id), not data.</summary>
    private static readonly string[] Envelope = ["eventId", "occurredAt", "correlationId"];

    public static string ToStoredJson(IntegrationEvent integrationEvent)
    {
        var node = JsonSerializer.SerializeToNode(integrationEvent, integrationEvent.GetType(), Options)!.AsObject();
        foreach (var member in Envelope)
        {
            node.Remove(member);
        }

        return node.ToJsonString();
    }

    /// <summary>
    /// The data for one subscriber: as stored, or — for a subscriber not entitled to personal data —
    /// with every national ID and mobile number the descriptor names masked as the API would show them.
    /// </summary>
    public static JsonNode Shape(string storedJson, EventDescriptor descriptor, bool maySeePersonalData)
    {
        var data = JsonNode.Parse(storedJson) ?? new JsonObject();
        if (maySeePersonalData)
        {
            return data;
        }

        foreach (var field in descriptor.PersonalData)
        {
            Mask(data, field.Path.Split('.'), field.Kind);
        }

        return data;
    }

    private static void Mask(JsonNode? node, ReadOnlySpan<string> path, PersonalKind kind)
    {
        if (node is not JsonObject obj || path.IsEmpty)
        {
            return;
        }

        var segment = path[0];
        if (segment.EndsWith("[]", StringComparison.Ordinal))
        {
            if (obj[segment[..^2]] is JsonArray array)
            {
                foreach (var element in array)
                {
                    Mask(element, path[1..], kind);
                }
            }

            return;
        }

        if (path.Length > 1)
        {
            Mask(obj[segment], path[1..], kind);
            return;
        }

        if (obj[segment] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            obj[segment] = MaskValue(text, kind);
        }
    }

    private static string? MaskValue(string value, PersonalKind kind) => kind switch
    {
        PersonalKind.Mobile => PersonalData.MaskMobile(value),
        // An organisation's legal-entity ID (11 digits) is public; a person's national ID (10) is not.
        PersonalKind.Party when value.Length == LegalEntityId.Length => value,
        _ => PersonalData.MaskNationalId(value),
    };
}
