using CityEServices.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;

namespace CityEServices.Identity;

public static class Extensions
{
    public const string DatabaseName = "identity-db";
    public const string ServiceName = "identity";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IdentitySettings.SectionName);
        builder.Services.Configure<IdentitySettings>(section);
        var settings = section.Get<IdentitySettings>() ?? new IdentitySettings();
        var issuer = CheckSettings(settings);
        var allowPasswordGrant = settings.AllowPasswordGrant ?? builder.Environment.IsDevelopment();

        builder.AddServiceDatabase<IdentityDbContext>(DatabaseName);
        // Identity consumes nothing; its outbox carries the citizens' sign-in codes to notifications.
        builder.AddMessaging<IdentityDbContext>(ServiceName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPasswordHasher<CityUser>, PasswordHasher<CityUser>>();
        builder.Services.AddScoped<Seeder>();
        builder.Services.AddSingleton<ServerKeyRing>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeyRing.ConfigureServer>();
        builder.Services.AddHostedService<IdentityInitializer>();
        builder.Services.AddPeriodicJob<TokenPruner, IdentityDbContext>();
        builder.Services.AddTokenServer(settings, issuer, allowPasswordGrant);
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<IssueStaffToken>();
        builder.Services.AddUseCases(typeof(Extensions).Assembly);

        builder.Services.AddLoginFormProtection();
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddStaffSignInCookie(settings.StaffClient.SignInLifetime);
        // 403s from role policies say why, as in every other service.
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // The hash-chained audit tables: heads published hourly to the archive, /audit/verify compares with its copy.
        builder.AddAuditChain<IdentityDbContext>(ServiceName, IdentityDbContext.AccountChangesTable);

        return builder;
    }

    /// <summary>The token issuer, once the settings that would only fail later (at the first token) are known to be sound.</summary>
    private static Uri CheckSettings(IdentitySettings settings)
    {
        if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var issuer) || issuer.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException(
                $"Identity:Url must be this service's absolute base address as other services reach it (e.g. http://localhost:5123); it is the token issuer. Got '{settings.Url}'.");
        }

        if (settings.Pruning.Interval <= TimeSpan.Zero || settings.Pruning.Interval > TimeSpan.FromDays(30) || settings.Pruning.MinimumAge < TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"Identity:Pruning:Interval must be more than zero and at most 30 days, and Identity:Pruning:MinimumAge not negative (defaults 01:00:00 and 14.00:00:00). Got {settings.Pruning.Interval} and {settings.Pruning.MinimumAge}.");
        }

        if (settings.AccessTokenLifetime <= TimeSpan.Zero || settings.AccessTokenLifetime > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException(
                $"Identity:AccessTokenLifetime must be more than zero and at most one hour (default 00:15:00): the revocation list holds each entry that long, and a leaked token lives that long. Got {settings.AccessTokenLifetime}.");
        }

        if (settings.ClientSecretOverlap < TimeSpan.Zero || settings.ClientSecretOverlap > TimeSpan.FromDays(30))
        {
            throw new InvalidOperationException(
                $"Identity:ClientSecretOverlap must be from zero to 30 days (default 1.00:00:00). Got {settings.ClientSecretOverlap}.");
        }

        return issuer;
    }
}
