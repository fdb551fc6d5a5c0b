using System.Security.Claims;
using CityEServices.Contracts.Security;
using CityEServices.Messaging;

namespace CityEServices.Property.Api;

internal static class HttpContextExtensions
{
    /// <summary>Who did it, for audit columns: the user name, else the subject, else the integrator's client id.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue(CityClaims.Name)
        ?? user.FindFirstValue(CityClaims.Subject)
        ?? user.FindFirstValue(CityClaims.ClientId)
        ?? "unknown";

    public static string? CorrelationId(this HttpContext http) =>
        http.Request.Headers.TryGetValue(MessagingHeaders.CorrelationId, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.ToString()
            : null;
}
