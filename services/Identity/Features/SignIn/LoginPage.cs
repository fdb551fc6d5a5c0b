using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Features.SignIn;

/// <summary>
/// The minimal staff login page of the code flow. It only ever sends the browser back to the
/// authorization endpoint, so it cannot be used as an open redirect. The form carries an antiforgery
/// token: a page elsewhere cannot post credentials into it and sign the browser in as someone else, nor
/// burn a staff member's failed attempts into a lockout.
/// </summary>
public static class LoginPage
{
    public static IEndpointRouteBuilder MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(StaffSignInCookie.LoginPath, (HttpContext context, IAntiforgery antiforgery) =>
            Page(context, antiforgery, SafeReturnUrl(context.Request.Query["ReturnUrl"]), error: null))
            .AllowAnonymous().ExcludeFromDescription();

        // The handler checks the token itself, so a refused form is the page again with a message rather
        // than the framework's bare 400 (which UseAntiforgery with form binding would give).
        app.MapPost(StaffSignInCookie.LoginPath, SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> SignInAsync(HttpContext context, PasswordSignIn passwords, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return Problem.UnsupportedMediaType("The login form must be posted as a form.").ToResult();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var returnUrl = SafeReturnUrl(form["returnUrl"]);

        // Before the password is looked at: a forged post must not count as a failed attempt either.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Page(context, antiforgery, returnUrl, "این فرم منقضی شده یا از این صفحه فرستاده نشده است؛ دوباره وارد شوید. / This form has expired or was not sent from this page; please sign in again.", StatusCodes.Status400BadRequest);
        }

        var user = await passwords.CheckAsync(form["username"], form["password"], cancellationToken);
        if (user is null)
        {
            return Page(context, antiforgery, returnUrl, "نام کاربری یا گذرواژه نادرست است، یا حساب قفل یا غیرفعال شده است. / The user name or password is incorrect, or the account is locked or deactivated.", StatusCodes.Status400BadRequest);
        }

        var identity = new ClaimsIdentity(StaffSignInCookie.Scheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(Claims.Name, user.UserName));
        await context.SignInAsync(StaffSignInCookie.Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    /// <summary>Only the authorization endpoint of this service; anything else becomes a harmless default.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(AuthorizeEndpoint.Path + "?", StringComparison.Ordinal) && !returnUrl.Contains("//", StringComparison.Ordinal)
            ? returnUrl
            : AuthorizeEndpoint.Path;

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        // Sets the antiforgery cookie and marks the response not cacheable and not frameable.
        var tokens = antiforgery.GetAndStoreTokens(context);
        var message = error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="fa" dir="rtl">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ورود کارکنان — CityEServices</title>
            <style>body{font-family:Tahoma,sans-serif;background:#f4f6f8;display:grid;place-items:center;min-height:100vh;margin:0}
            form{background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.1);min-width:18rem}
            label{display:block;margin-top:.75rem}input{width:100%;box-sizing:border-box;padding:.5rem;direction:ltr}
            button{margin-top:1rem;padding:.5rem 1.5rem}.error{color:#a61b1b}</style></head>
            <body><form method="post" action="{{StaffSignInCookie.LoginPath}}">
            <h1>ورود کارکنان</h1>{{message}}
            <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
            <label for="username">نام کاربری / User name</label><input id="username" name="username" autocomplete="username" required>
            <label for="password">گذرواژه / Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">ورود / Sign in</button>
            </form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
