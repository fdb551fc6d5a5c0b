namespace CityEServices.Identity.Features.Clients;

public sealed record CreateClientRequest(string? DisplayName, string?[]? Roles);

/// <summary>The secret is shown once, here; only its hash is stored.</summary>
public sealed record CreatedClientResponse(string ClientId, string ClientSecret);
