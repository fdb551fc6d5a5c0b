using CityEServices.ServiceDefaults.Auth;
using OpenIddict.EntityFrameworkCore.Models;

namespace CityEServices.Identity.Infrastructure.Tokens;

public static class TokenServerExtensions
{
    /// <summary>OpenIddict: the token server, its storage in the identity database, and validation of its own tokens for the admin API.</summary>
    public static IServiceCollection AddTokenServer(this IServiceCollection services, IdentitySettings settings, Uri issuer, bool allowPasswordGrant)
    {
        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>();
                // Revoked clients and the previous secret's overlap (see CityApplicationManager).
                core.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, CityApplicationManager>();
            })
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetTokenEndpointUris("connect/token");
                server.SetAuthorizationEndpointUris("connect/authorize");
                server.AllowClientCredentialsFlow();
                // Staff sign in through a browser: the code flow, with PKCE required of every client.
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                // Citizens: a national ID and the code texted to them (IssueCitizenToken), for city-citizen only.
                server.AllowCustomFlow(IssueCitizenToken.GrantType);
                if (allowPasswordGrant)
                {
                    server.AllowPasswordFlow();
                }

                // The integrator scopes exist (an unknown one is invalid_scope); which a client may use is
                // decided per client by IssueClientToken, from its own row, not by OpenIddict permissions.
                server.RegisterScopes([.. Scopes.All]);
                server.IgnoreScopePermissions();

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
        return services;
    }
}
