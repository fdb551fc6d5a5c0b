using System.Security.Cryptography;
using System.Text.Json;

namespace CityEServices.VerifyDocument;

/// <summary>The ES256 public keys of a JWKS document (RFC 7517) by key id.</summary>
public sealed class KeySet : IDisposable
{
    private readonly Dictionary<string, ECDsa> _keys;

    private KeySet(Dictionary<string, ECDsa> keys) => _keys = keys;

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public static KeySet Parse(string json)
    {
        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var jwk in document.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (Text(jwk, "kty") != "EC" || Text(jwk, "crv") != "P-256" || Text(jwk, "alg") is not (null or "ES256")
                || Text(jwk, "use") is not (null or "sig") || Text(jwk, "kid") is not { } kid)
            {
                continue;
            }

            var key = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Coordinate(jwk, "x"), Y = Coordinate(jwk, "y") },
            });
            if (!keys.TryAdd(kid, key))
            {
                key.Dispose();
                throw new FormatException($"Key id '{kid}' appears twice in the key set.");
            }
        }

        return new KeySet(keys);
    }

    public ECDsa? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private static string? Text(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Coordinate(JsonElement jwk, string name)
    {
        var text = Text(jwk, name) ?? throw new FormatException($"A key lacks '{name}'.");
        var base64 = text.Replace('-', '+').Replace('_', '/');
        var bytes = Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
        return bytes.Length == 32 ? bytes : throw new FormatException($"'{name}' of a P-256 key is 32 bytes.");
    }
}
