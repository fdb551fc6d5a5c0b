using System.Security.Cryptography;
using CityEServices.Contracts.Security;
using CityEServices.Identity.Domain;
using CityEServices.Identity.Features.Tokens;
using CityEServices.Identity.Infrastructure.Keys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Features.Clients;

/// <summary>Integrator clients: confidential applications that use the client_credentials grant.</summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/clients")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithTags("Clients");

        api.MapPost("/", CreateClientAsync);
        return api;
    }

    public static async Task<Results<Created<CreatedClientResponse>, ValidationProblem>> CreateClientAsync(
        CreateClientRequest? request, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["A JSON body is required."] });
        }

        if (!ClientRules.TryValidate(request.DisplayName, request.Roles, out var valid, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var clientId = NewClientId(valid.DisplayName);
        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = valid.DisplayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Properties[ClientRoles.PropertyName] = ClientRoles.ToProperty(valid.Roles);
        await applications.CreateAsync(descriptor, cancellationToken);

        return TypedResults.Created((string?)null, new CreatedClientResponse(clientId, secret));
    }

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
}
