using System.Security.Claims;
using CityEServices.Contracts.Security;

namespace CityEServices.ServiceDefaults.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>Who did it, for audit columns: the user name, else the subject, else the integrator's client id.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue(CityClaims.Name)
        ?? user.FindFirstValue(CityClaims.Subject)
        ?? user.FindFirstValue(CityClaims.ClientId)
        ?? "unknown";
}
