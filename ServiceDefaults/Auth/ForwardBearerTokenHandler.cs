using System.Net.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace CityEServices.ServiceDefaults.Auth;

/// <summary>
/// Passes the caller's own access token on to the service being called (HTTP or gRPC), so the callee
/// validates the real user instead of trusting the network or a shared service identity.
/// </summary>
public sealed class ForwardBearerTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = accessor.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString();
        if (request.Headers.Authorization is null
            && !string.IsNullOrEmpty(authorization)
            && AuthenticationHeaderValue.TryParse(authorization, out var value)
            && string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Authorization = value;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
