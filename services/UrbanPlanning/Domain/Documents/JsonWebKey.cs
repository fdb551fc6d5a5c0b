using System.Text.Json.Serialization;

namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>An EC public key as RFC 7517 writes it (members as RFC 7518 §6.2.1 names them).</summary>
public sealed record JsonWebKey(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("use")] string Use);

/// <summary>A JWK Set (RFC 7517 §5): what <c>/.well-known/city-document-keys</c> serves.</summary>
public sealed record JsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<JsonWebKey> Keys);
