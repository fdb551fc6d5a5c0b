using System.Security.Claims;
using CityEServices.Contracts.Security;

namespace CityEServices.Gateway.Proxy;

public static class Callers
{
    /// <summary>Who the caller is, for rate limits and idempotency keys: an integrator by client id, a person by subject.</summary>
    public static string? Identify(ClaimsPrincipal user) =>
        user.FindFirstValue(CityClaims.ClientId) is { Length: > 0 } client ? "client:" + client
        : user.FindFirstValue(CityClaims.Subject) is { Length: > 0 } subject ? "user:" + subject
        : null;
}
