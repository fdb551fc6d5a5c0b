using System.Collections.Immutable;
using System.Security.Claims;
using CityEServices.ServiceDefaults.Auth;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Features.Tokens;

/// <summary>
/// The identities that access tokens are issued for. Every claim goes to the access token only. Staff
/// tokens carry no scopes: people are authorised by their roles.
/// </summary>
public static class TokenPrincipals
{
    public static ClaimsPrincipal ForUser(CityUser user)
    {
        var identity = NewIdentity()
            .SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.UserName)
            .SetClaims(Claims.Role, [.. user.Roles])
            .SetClaim(CityClaims.NationalId, user.NationalId)
            .SetClaim(CityClaims.OfficeCode, user.OfficeCode)
            .SetClaim(CityClaims.District, user.District);
        return Finish(identity);
    }

    /// <summary>
    /// A citizen signed in with a one-time code: subject <c>citizen:</c> + national ID (a citizen has no
    /// user row), role <c>citizen</c> only, no scopes, and a life shorter than staff tokens.
    /// </summary>
    public static ClaimsPrincipal ForCitizen(string nationalId, TimeSpan lifetime)
    {
        var identity = NewIdentity()
            .SetClaim(Claims.Subject, CitizenSubjectPrefix + nationalId)
            .SetClaim(Claims.Name, nationalId)
            .SetClaims(Claims.Role, [Roles.Citizen])
            .SetClaim(CityClaims.NationalId, nationalId);
        var principal = Finish(identity);
        principal.SetAccessTokenLifetime(lifetime);
        return principal;
    }

    public const string CitizenSubjectPrefix = "citizen:";

    /// <summary>
    /// A client is its own subject (<c>sub</c> = <c>client_id</c>, which is how services tell a client
    /// token from a user's), and its token carries the <paramref name="scopes"/> it may use.
    /// </summary>
    public static ClaimsPrincipal ForClient(string clientId, string? displayName, ImmutableArray<string> roles, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity()
            .SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName ?? clientId)
            .SetClaim(CityClaims.ClientId, clientId)
            .SetClaims(Claims.Role, roles);
        identity.SetScopes(scopes);
        return Finish(identity);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity)
    {
        identity.SetResources(AuthenticationExtensions.ApiAudience);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
