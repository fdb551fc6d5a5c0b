using System.Text.Json.Serialization;

namespace CityEServices.Iran;

/// <summary>
/// An instant as machines want it (UTC) and as people read it (Solar Hijri, Tehran time), side by side
/// in API responses: <c>{"utc":"2025-11-29T11:00:00+00:00","jalali":"1404/09/08 14:30"}</c>.
/// </summary>
public sealed record DualTime(
    [property: JsonPropertyName("utc")] DateTimeOffset Utc,
    [property: JsonPropertyName("jalali")] string Jalali)
{
    public static DualTime From(DateTimeOffset instant) => new(instant.ToUniversalTime(), SolarHijri.Format(instant));
}
