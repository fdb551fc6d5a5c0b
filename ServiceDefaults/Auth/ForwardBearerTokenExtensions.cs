using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityEServices.ServiceDefaults.Auth;

public static class ForwardBearerTokenExtensions
{
    /// <summary>Adds the caller's bearer token to every request this client sends (see <see cref="ForwardBearerTokenHandler"/>).</summary>
    public static IHttpClientBuilder AddForwardedBearerToken(this IHttpClientBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddTransient<ForwardBearerTokenHandler>();
        return builder.AddHttpMessageHandler<ForwardBearerTokenHandler>();
    }
}
