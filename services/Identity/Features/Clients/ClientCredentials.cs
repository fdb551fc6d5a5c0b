using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CityEServices.Identity.Features.Clients;

/// <summary>Client ids and secrets, and what the client use cases share.</summary>
public static class ClientCredentials
{
    /// <summary>256 random bits: a secret nobody guesses, short enough to paste.</summary>
    public static string NewSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Readable where the display name allows it (integrators see the id in their logs), unique by
    /// its random suffix; 64 random bits make a collision with the unique index practically impossible.
    /// </summary>
    public static string NewClientId(string displayName)
    {
        var slug = new string([.. displayName.ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')])
            .Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        slug = slug.Length == 0 ? "client" : slug[..Math.Min(slug.Length, 24)].TrimEnd('-');
        return $"{slug}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
    }

    public static string Account(string clientId) => $"client:{clientId}";

    public static async Task<Outcome<IntegratorClient>> FindAsync(IdentityDbContext db, string clientId, CancellationToken cancellationToken)
    {
        var id = clientId.Trim();
        var client = await db.Clients.SingleOrDefaultAsync(c => c.ClientId == id, cancellationToken);
        return client is null ? Problem.NotFound("Client not found.", $"There is no integrator client '{id}'.") : client;
    }

    /// <summary>A client that may still be changed: the 404 of an unknown one, the 409 of a revoked one (revocation is for good).</summary>
    public static async Task<Outcome<IntegratorClient>> FindUnrevokedAsync(IdentityDbContext db, string clientId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, clientId, cancellationToken);
        return found.Succeeded && found.Value.IsRevoked ? AlreadyRevoked(found.Value) : found;
    }

    private static Problem AlreadyRevoked(IntegratorClient client) =>
        Problem.Conflict(IdentityReasons.AlreadyRevoked, "Client revoked.", $"'{client.ClientId}' was revoked at {client.RevokedAt:O} by {client.RevokedBy}.");
}
