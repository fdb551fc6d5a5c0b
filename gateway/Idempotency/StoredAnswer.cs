using System.Text.Json.Serialization;

namespace CityEServices.Gateway.Idempotency;

/// <summary>
/// What Redis keeps under an idempotency key: the request's fingerprint and, once it is done, its
/// answer — or, when the service marked the answer <c>Cache-Control: no-store</c> (a client secret shown
/// once), only that there was one (<see cref="Withheld"/>), never its body.
/// </summary>
public sealed record StoredAnswer(
    [property: JsonPropertyName("f")] string Fingerprint,
    [property: JsonPropertyName("s")] int? Status = null,
    [property: JsonPropertyName("h")] Dictionary<string, string>? Headers = null,
    [property: JsonPropertyName("b")] byte[]? Body = null,
    [property: JsonPropertyName("w")] bool Withheld = false)
{
    [JsonIgnore]
    public bool InFlight => Status is null;
}

[JsonSerializable(typeof(StoredAnswer))]
internal sealed partial class StoredAnswerJson : JsonSerializerContext;
