using CityEServices.ServiceDefaults.Auth.Revocation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CityEServices.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>The audience every CityEServices access token is issued for.</summary>
    public const string ApiAudience = "city-api";

    /// <summary>
    /// Every service validates tokens itself (no trust in the network): signature keys come from the
    /// identity service's discovery document at <c>Identity:Url</c>, the issuer must be that service,
    /// and a token identity has revoked since it was issued is refused (see <see cref="RevokedSubjects"/>).
    /// </summary>
    public static IServiceCollection AddCityAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var identityUrl = configuration["Identity:Url"]
            ?? throw new InvalidOperationException("Identity:Url is not configured: the identity service's base address is needed to validate tokens.");

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = identityUrl;
                options.Audience = ApiAudience;
                options.RequireHttpsMetadata = identityUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                // A restarted identity service may come up with keys the cache has not seen yet.
                options.RefreshOnIssuerKeyNotFound = true;
                // After a failed download (identity down) try again within seconds, not the default
                // five minutes, so callers get 503 only while identity really is down.
                options.RefreshInterval = TimeSpan.FromSeconds(10);
                options.Events = IdentityUnavailable.Events();
                options.Events.OnTokenValidated = RevocationExtensions.CheckAsync;
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new CachingTokenHandler(TimeProvider.System));
            });

        services.AddTokenRevocation(configuration, identityUrl);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        return services;
    }
}
