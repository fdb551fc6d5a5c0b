using Microsoft.AspNetCore.DataProtection;

namespace CityEServices.Identity.Features.SignIn;

/// <summary>
/// Antiforgery for the login form, and the data protection key ring behind it and the sign-in cookie.
/// The key ring lives in the identity database: kept in memory (a read-only container filesystem) each
/// replica, and each restart, would have keys of its own, and a form rendered by one replica, or a
/// sign-in cookie it set, would be refused by the next.
/// </summary>
public static class LoginFormProtection
{
    public const string ApplicationName = "CityEServices.Identity";

    public const string FormFieldName = "__RequestVerificationToken";

    public static IServiceCollection AddLoginFormProtection(this IServiceCollection services)
    {
        // A fixed name: by default the key ring is scoped to the content root path, which need not be
        // the same on every replica.
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<IdentityDbContext>();

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "city.antiforgery";
            options.Cookie.Path = "/connect";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = FormFieldName;
        });
        return services;
    }

    /// <summary>
    /// Makes sure the key ring has a key before the first request: replicas starting together on a new
    /// database then each create one at start-up, when every replica still reloads the key ring on meeting
    /// an unknown key, rather than much later at the first login, when it would not.
    /// </summary>
    public static void EnsureKeyRing(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicationName + ".Startup").Protect([0]);
}
