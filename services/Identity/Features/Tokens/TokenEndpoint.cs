using CityEServices.Identity.Data;
using CityEServices.Identity.Features.Tokens;
using CityEServices.Identity.Infrastructure.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Features.Tokens;

/// <summary>
/// The part of <c>POST /connect/token</c> that OpenIddict leaves to the application: OpenIddict has
/// already authenticated the client and checked its grant-type permission when this runs.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ExchangeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<SignInHttpResult, ForbidHttpResult>> ExchangeAsync(
        HttpContext context, PasswordSignIn passwords, IOpenIddictApplicationManager applications, IdentityDataContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing: is the token endpoint passthrough enabled?");

        if (request.IsPasswordGrantType())
        {
            var user = await passwords.CheckAsync(request.Username, request.Password, cancellationToken);
            return user is null
                ? Reject(Errors.InvalidGrant, "The user name or password is incorrect, or the account is temporarily locked.")
                : SignIn(TokenPrincipals.ForUser(user));
        }

        if (request.IsAuthorizationCodeGrantType())
        {
            // OpenIddict has checked the code (once only), the client, the redirect URI and the PKCE
            // verifier. The token is built from the user as they are now: a role removed or an
            // account locked since the login page counts.
            var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = Guid.TryParse(code.Principal?.GetClaim(Claims.Subject), out var id)
                ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
                : null;
            return user is null || user.IsLockedOut(time.GetUtcNow())
                ? Reject(Errors.InvalidGrant, "The user no longer exists or is temporarily locked.")
                : SignIn(TokenPrincipals.ForUser(user));
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken);
            if (application is null)
            {
                return Reject(Errors.InvalidClient, "The client is unknown.");
            }

            var roles = ClientRoles.Read(await applications.GetPropertiesAsync(application, cancellationToken));
            var displayName = await applications.GetDisplayNameAsync(application, cancellationToken);
            return SignIn(TokenPrincipals.ForClient(request.ClientId!, displayName, roles));
        }

        return Reject(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static SignInHttpResult SignIn(System.Security.Claims.ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static ForbidHttpResult Reject(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
