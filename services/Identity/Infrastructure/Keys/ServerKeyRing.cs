using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace CityEServices.Identity.Infrastructure.Keys;

/// <summary>
/// Holds the signing and encryption keys. They come from the database, which is only reachable once
/// start-up has migrated it, so OpenIddict's options read them from here instead of at registration.
/// </summary>
public sealed class ServerKeyRing
{
    private RsaSecurityKey? _signing;
    private RsaSecurityKey? _encryption;

    public RsaSecurityKey Signing => _signing ?? throw NotLoaded();

    public RsaSecurityKey Encryption => _encryption ?? throw NotLoaded();

    public void Load(RsaSecurityKey signing, RsaSecurityKey encryption)
    {
        // The RFC 7638 thumbprint as key id: stable across restarts and replicas for the same key,
        // so validators' cached JWKS keep matching.
        signing.KeyId ??= Base64UrlEncoder.Encode(signing.ComputeJwkThumbprint());
        encryption.KeyId ??= Base64UrlEncoder.Encode(encryption.ComputeJwkThumbprint());
        _signing = signing;
        _encryption = encryption;
    }

    private static InvalidOperationException NotLoaded() =>
        new("The server keys are loaded by the start-up initializer before the server accepts requests; they are not loaded yet.");

    /// <summary>Adds the keys to OpenIddict's server options, which are first built on the first request.</summary>
    public sealed class ConfigureServer(ServerKeyRing keys) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            options.SigningCredentials.Add(new SigningCredentials(keys.Signing, SecurityAlgorithms.RsaSha256));
            options.EncryptionCredentials.Add(new EncryptingCredentials(keys.Encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
