using CityEServices.Identity.Data;
using CityEServices.Identity.Domain;
using CityEServices.Identity.Jobs;
using CityEServices.Identity.Features.SignIn;
using CityEServices.Identity.Features.Tokens;
using CityEServices.Identity.Infrastructure.Keys;
using CityEServices.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;

namespace CityEServices.Identity;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IdentitySettings.SectionName);
        builder.Services.Configure<IdentitySettings>(section);
        var settings = section.Get<IdentitySettings>() ?? new IdentitySettings();

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

        var allowPasswordGrant = settings.AllowPasswordGrant ?? builder.Environment.IsDevelopment();

        builder.AddNpgsqlDbContext<IdentityDataContext>("identity-db");

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPasswordHasher<CityUser>, PasswordHasher<CityUser>>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<Seeder>();
        builder.Services.AddSingleton<ServerKeyRing>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeyRing.ConfigureServer>();
        builder.Services.AddHostedService<IdentityInitializer>();
        builder.Services.AddHostedService<TokenPruner>();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDataContext>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetTokenEndpointUris("connect/token");
                server.SetAuthorizationEndpointUris("connect/authorize");
                server.AllowClientCredentialsFlow();
                // Staff sign in through a browser: the code flow, with PKCE required of every client.
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                if (allowPasswordGrant)
                {
                    server.AllowPasswordFlow();
                }

                // Services validate plain signed JWTs with JwtBearer against the published JWKS.
                server.DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime);

                // Token storage stays on: it is what makes an authorization code redeemable only once.

                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough();
                if (issuer.Scheme == Uri.UriSchemeHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            // The admin API validates tokens in-process against the server's own keys: no HTTP call
            // to itself for the discovery document, which also works before Identity:Url is routable.
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences(AuthenticationExtensions.ApiAudience);
            });

        builder.Services.AddLoginFormProtection();
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddStaffSignInCookie(settings.StaffClient.SignInLifetime);
        // 403s from role policies say why, as in every other service.
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
