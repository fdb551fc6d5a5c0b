using CityEServices.Identity.Domain;

namespace CityEServices.Identity.Features.Clients;

/// <summary><c>POST /api/identity/clients</c>: no roles means <c>integrator</c>, the only one a client may hold.</summary>
public sealed record CreateClientRequest(string? DisplayName, string?[]? Roles, string?[]? Scopes);

/// <summary>The secret is shown once, here; only its hash is stored.</summary>
public sealed record CreatedClientResponse(string ClientId, string ClientSecret, string[] Roles, string[] Scopes);

/// <summary>A new secret, shown once; the previous one keeps working until <see cref="PreviousSecretValidUntil"/>.</summary>
public sealed record RotatedSecretResponse(string ClientId, string ClientSecret, DateTimeOffset PreviousSecretValidUntil);

/// <summary>A client as listed: never its secret.</summary>
public sealed record ClientResponse(
    string ClientId,
    string DisplayName,
    string[] Roles,
    string[] Scopes,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    DateTimeOffset? SecretRotatedAt)
{
    public static ClientResponse From(IntegratorClient client) => new(
        client.ClientId,
        client.DisplayName,
        client.Roles,
        client.Scopes,
        client.CreatedAt,
        client.CreatedBy,
        client.RevokedAt,
        client.RevokedBy,
        client.SecretRotatedAt);
}
