using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CityEServices.Identity.Features.SignIn;

/// <summary>
/// The short-lived cookie that remembers, between the login page and the authorization endpoint,
/// which staff member signed in. It is scoped to <c>/connect</c> and never accepted by the APIs.
/// </summary>
public static class StaffSignInCookie
{
    public const string Scheme = "city-staff-sign-in";
    public const string LoginPath = "/connect/login";

    public static AuthenticationBuilder AddStaffSignInCookie(this AuthenticationBuilder authentication, TimeSpan lifetime) =>
        authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "city.staff";
            options.Cookie.Path = "/connect";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = lifetime;
            options.SlidingExpiration = false;
            options.LoginPath = LoginPath;
            // Relative redirects: behind the gateway this service's own host name means nothing to a browser.
            options.Events.OnRedirectToLogin = context =>
            {
                context.Response.Redirect(new Uri(context.RedirectUri).PathAndQuery);
                return Task.CompletedTask;
            };
        });
}
