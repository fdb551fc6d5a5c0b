using System.Globalization;
using System.Text.Json;

namespace CityEServices.Notifications.Domain.Webhooks;

/// <summary>A delivery's body: a CloudEvents 1.0 event in the structured JSON mode.</summary>
public static class CloudEvent
{
    public const string MediaType = "application/cloudevents+json";
    public const string SpecVersion = "1.0";

    /// <summary>
    /// The same bytes for the same event and subscriber every time (attribute order fixed, time in UTC),
    /// so a retry carries exactly what the first attempt did.
    /// </summary>
    public static byte[] Serialize(EventLogEntry entry, EventDescriptor descriptor, bool maySeePersonalData)
    {
        var data = EventData.Shape(entry.Data, descriptor, maySeePersonalData);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("specversion", SpecVersion);
            json.WriteString("id", entry.EventId.ToString());
            json.WriteString("source", entry.Source);
            json.WriteString("type", entry.Type);
            json.WriteString("subject", entry.Subject);
            json.WriteString("time", FormatTime(entry.Time));
            json.WriteString("datacontenttype", "application/json");
            json.WritePropertyName("data");
            data.WriteTo(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>RFC 3339 in UTC, to the microsecond PostgreSQL keeps: <c>2026-05-01T08:30:00.123456Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
