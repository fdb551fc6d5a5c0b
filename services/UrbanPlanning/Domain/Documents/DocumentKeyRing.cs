using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;

namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>
/// The city's document keys by key id: one active key signs new documents; retired keys stay here (and
/// in the published JWKS) so that every document ever issued still verifies. Rotation is adding a new
/// key and making it active. Built from stored key material (PKCS#8 or PEM) or, verify-only, from a JWKS.
/// </summary>
public sealed class DocumentKeyRing : IDisposable
{
    private readonly Dictionary<string, DocumentKey> _keys;

    /// <param name="keys">Every key, active and retired; key ids must be distinct.</param>
    /// <param name="activeKeyId">The key that signs; null for a ring that only verifies.</param>
    public DocumentKeyRing(IEnumerable<DocumentKey> keys, string? activeKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = new Dictionary<string, DocumentKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!_keys.TryAdd(key.KeyId, key))
            {
                throw new ArgumentException($"Key id '{key.KeyId}' appears twice.", nameof(keys));
            }
        }

        if (activeKeyId is not null)
        {
            if (!_keys.TryGetValue(activeKeyId, out var active))
            {
                throw new ArgumentException($"The active key '{activeKeyId}' is not in the ring.", nameof(activeKeyId));
            }

            if (!active.CanSign)
            {
                throw new ArgumentException($"The active key '{activeKeyId}' has no private key.", nameof(activeKeyId));
            }

            Active = active;
        }
    }

    /// <summary>The signing key; null in a verify-only ring.</summary>
    public DocumentKey? Active { get; }

    public IReadOnlyCollection<DocumentKey> Keys => _keys.Values;

    public bool TryGet(string keyId, [NotNullWhen(true)] out DocumentKey? key) => _keys.TryGetValue(keyId, out key);

    /// <summary>The public keys, active first, as a JWK Set.</summary>
    public JsonWebKeySet ToJwks() =>
        new([.. _keys.Values.OrderBy(k => k == Active ? 0 : 1).ThenBy(k => k.KeyId, StringComparer.Ordinal).Select(k => k.ToJwk())]);

    public string ToJwksJson() => JsonSerializer.Serialize(ToJwks());

    /// <summary>
    /// A verify-only ring from a JWKS document. Keys that are not ES256 signing keys on P-256 are skipped
    /// (a key set may hold others); a malformed document or coordinate throws.
    /// </summary>
    public static DocumentKeyRing FromJwks(string json)
    {
        var set = JsonSerializer.Deserialize<JsonWebKeySet>(json) ?? throw new JsonException("The JWKS document is empty.");
        var keys = new List<DocumentKey>();
        try
        {
            foreach (var jwk in set.Keys ?? [])
            {
                if (jwk is { Kty: "EC", Crv: "P-256" } && jwk.Alg is null or "ES256" && jwk.Use is null or "sig" && jwk.Kid is not null)
                {
                    keys.Add(DocumentKey.FromPublicPoint(jwk.Kid, DecodeCoordinate(jwk.X), DecodeCoordinate(jwk.Y)));
                }
            }

            return new DocumentKeyRing(keys, activeKeyId: null);
        }
        catch
        {
            keys.ForEach(k => k.Dispose());
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private static byte[] DecodeCoordinate(string? value)
    {
        if (value is null || !Base64Url.IsValid(value))
        {
            throw new CryptographicException("A JWK coordinate is not base64url.");
        }

        return Base64Url.DecodeFromChars(value);
    }
}
