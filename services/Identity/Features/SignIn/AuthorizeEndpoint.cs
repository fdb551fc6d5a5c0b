using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Features.SignIn;

/// <summary>
/// <c>/connect/authorize</c> for the staff code flow. OpenIddict has already checked the client, its
/// redirect URI and the PKCE challenge; this sends an unknown browser to the login page and turns a
/// signed-in staff member (still active) into an authorization code carrying their current roles and claims.
/// </summary>
public static class AuthorizeEndpoint
{
    public const string Path = "/connect/authorize";

    public static IEndpointRouteBuilder MapAuthorizeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> AuthorizeAsync(HttpContext context, IdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing: is the authorization endpoint passthrough enabled?");

        var signedIn = await context.AuthenticateAsync(StaffSignInCookie.Scheme);
        var user = signedIn.Succeeded && Guid.TryParse(signedIn.Principal.FindFirstValue(Claims.Subject), out var id)
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            : null;

        if (user is null || !user.MaySignIn(time.GetUtcNow()))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user is not signed in.",
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            // Back here, with the same parameters, once the login page has signed the user in.
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString },
                [StaffSignInCookie.Scheme]);
        }

        // No scopes: staff are authorised by their roles, and only clients' tokens carry scopes.
        var principal = TokenPrincipals.ForUser(user);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
