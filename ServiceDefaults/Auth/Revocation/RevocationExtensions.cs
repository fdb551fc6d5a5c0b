using CityEServices.Contracts.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CityEServices.ServiceDefaults.Auth.Revocation;

public static class RevocationExtensions
{
    /// <summary>
    /// Keeps identity's revocation list fresh in the background; <see cref="CheckAsync"/> refuses the
    /// tokens it covers. With 15-minute access tokens this is what stops a deactivated user or a revoked
    /// client within the refresh interval rather than at the token's expiry.
    /// </summary>
    public static IServiceCollection AddTokenRevocation(this IServiceCollection services, IConfiguration configuration, string identityUrl)
    {
        services.AddCheckedOptions<RevocationOptions>(RevocationOptions.SectionName,
            o => o.RefreshInterval > TimeSpan.Zero, "Identity:Revocations:RefreshInterval must be positive.");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RevokedSubjects>();
        var settings = configuration.GetSection(RevocationOptions.SectionName).Get<RevocationOptions>() ?? new RevocationOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddHttpClient(RevocationListRefresher.ClientName, http =>
        {
            http.BaseAddress = new Uri(settings.Url ?? identityUrl.TrimEnd('/') + "/internal/revocations");
            http.Timeout = TimeSpan.FromSeconds(5);
        });
        services.AddHostedService<RevocationListRefresher>();
        return services;
    }

    /// <summary>For <see cref="JwtBearerEvents.OnTokenValidated"/>: fails a token identity has revoked.</summary>
    public static Task CheckAsync(TokenValidatedContext context)
    {
        var revoked = context.HttpContext.RequestServices.GetRequiredService<RevokedSubjects>();
        if (revoked.Count > 0
            && context.SecurityToken is JsonWebToken token
            && token.TryGetClaim(CityClaims.Subject, out var subject)
            && revoked.IsRevoked(subject.Value, new DateTimeOffset(token.IssuedAt, TimeSpan.Zero)))
        {
            context.Fail("The token was revoked: its user was deactivated or changed, or its client was revoked.");
        }

        return Task.CompletedTask;
    }
}
