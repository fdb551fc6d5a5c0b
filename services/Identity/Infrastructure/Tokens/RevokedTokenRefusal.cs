using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;

namespace CityEServices.Identity.Infrastructure.Tokens;

/// <summary>
/// Identity's own API refuses revoked tokens with the rule every other service applies to the list it
/// fetches (a token whose subject is listed and that was issued at or before the listed moment), asked
/// of the database directly: here the list is local, so a change holds at once.
/// </summary>
public static class RevokedTokenRefusal
{
    public const string Reason = "TokenRevoked";

    public static IApplicationBuilder UseRevokedTokenRefusal(this IApplicationBuilder app) =>
        app.Use(static async (HttpContext context, RequestDelegate next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && user.GetClaim(CityClaims.Subject) is { Length: > 0 } subject)
            {
                var db = context.RequestServices.GetRequiredService<IdentityDbContext>();
                if (await db.Revocations.CoverAsync(subject, IssuedAt(user), context.RequestAborted))
                {
                    await RefuseAsync(context);
                    return;
                }
            }

            await next(context);
        });

    /// <summary>The token's <c>iat</c> as OpenIddict restored it; a token without one is treated as issued at the start of time (covered by any revocation).</summary>
    private static DateTimeOffset IssuedAt(System.Security.Claims.ClaimsPrincipal user) =>
        user.GetCreationDate()
        ?? (long.TryParse(user.GetClaim("iat"), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue);

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The token was revoked.\"";
        return Problem.Unauthorized(Reason, "The access token was revoked.",
            "Its user was deactivated or changed, or its client was revoked, after it was issued; get a new token.").ToResult().ExecuteAsync(context);
    }
}
