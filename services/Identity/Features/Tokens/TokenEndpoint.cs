using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Features.Tokens;

/// <summary>
/// The part of <c>POST /connect/token</c> that OpenIddict leaves to the application: OpenIddict has
/// already authenticated the client and checked its grant-type permission when this runs. The grants
/// decide (<see cref="IssueStaffToken"/>, <see cref="IssueClientToken"/>); this speaks OAuth.
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
        HttpContext context, IssueStaffToken staff, IssueClientToken clients, IssueCitizenToken citizens, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing: is the token endpoint passthrough enabled?");

        TokenDecision decision;
        if (request.IsPasswordGrantType())
        {
            decision = await staff.ForPasswordAsync(request.Username, request.Password, cancellationToken);
        }
        else if (request.IsAuthorizationCodeGrantType())
        {
            // OpenIddict has checked the code (once only), the client, the redirect URI and the PKCE verifier.
            var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            decision = await staff.ForSubjectAsync(code.Principal?.GetClaim(Claims.Subject), cancellationToken);
        }
        else if (request.IsClientCredentialsGrantType())
        {
            decision = await clients.HandleAsync(request.ClientId!, request.GetScopes(), cancellationToken);
        }
        else if (request.GrantType == IssueCitizenToken.GrantType)
        {
            // OpenIddict has checked that the client (city-citizen) may use this grant.
            decision = await citizens.HandleAsync(
                (string?)request[IssueCitizenToken.NationalIdParameter], (string?)request[IssueCitizenToken.CodeParameter], cancellationToken);
        }
        else
        {
            decision = TokenDecision.Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }

        return decision.Principal is { } principal
            ? TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : Reject(decision.Error!, decision.Description!);
    }

    private static ForbidHttpResult Reject(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
