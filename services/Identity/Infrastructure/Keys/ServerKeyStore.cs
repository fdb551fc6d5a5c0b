using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CityEServices.Identity.Infrastructure.Keys;

/// <summary>
/// Finds the server keys: configured PEMs win; otherwise each key is generated once and kept in
/// <c>signing_keys</c>, so tokens stay valid across restarts and all replicas sign with one key.
/// </summary>
public static class ServerKeyStore
{
    private const int KeySizeInBits = 2048;

    public static async Task<(RsaSecurityKey Signing, RsaSecurityKey Encryption)> LoadAsync(
        IdentityDbContext db, IdentitySettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var signing = settings.SigningKeyPem is { Length: > 0 } signingPem
            ? FromPem(signingPem, "Identity:SigningKeyPem")
            : FromPem(await GetOrCreateAsync(db, ServerKeyEntry.Signing, time, cancellationToken), ServerKeyEntry.Signing);
        var encryption = settings.EncryptionKeyPem is { Length: > 0 } encryptionPem
            ? FromPem(encryptionPem, "Identity:EncryptionKeyPem")
            : FromPem(await GetOrCreateAsync(db, ServerKeyEntry.Encryption, time, cancellationToken), ServerKeyEntry.Encryption);
        return (signing, encryption);
    }

    private static async Task<string> GetOrCreateAsync(IdentityDbContext db, string purpose, TimeProvider time, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(db, purpose, cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        using var rsa = RSA.Create(KeySizeInBits);
        var pem = rsa.ExportPkcs8PrivateKeyPem();

        // Replicas starting together may all get here: the first insert wins, the others read it back.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO signing_keys (purpose, pem, created_at) VALUES ({purpose}, {pem}, {time.GetUtcNow()}) ON CONFLICT (purpose) DO NOTHING",
            cancellationToken);

        return await FindAsync(db, purpose, cancellationToken)
            ?? throw new InvalidOperationException($"The {purpose} key was inserted but cannot be read back.");
    }

    private static Task<string?> FindAsync(IdentityDbContext db, string purpose, CancellationToken cancellationToken) =>
        db.ServerKeys.AsNoTracking().Where(k => k.Purpose == purpose).Select(k => k.Pem).SingleOrDefaultAsync(cancellationToken);

    private static RsaSecurityKey FromPem(string pem, string source)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException e)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"The key from {source} is not an RSA private key in PEM form.", e);
        }

        try
        {
            // A public key would import fine and fail at the first token; say so at start-up instead.
            _ = rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"The key from {source} has no private part.", e);
        }

        if (rsa.KeySize < KeySizeInBits)
        {
            throw new InvalidOperationException($"The key from {source} has {rsa.KeySize} bits; at least {KeySizeInBits} are required.");
        }

        return new RsaSecurityKey(rsa);
    }
}
