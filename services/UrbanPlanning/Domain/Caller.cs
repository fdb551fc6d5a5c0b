using System.Globalization;
using System.Security.Claims;
using CityEServices.Contracts.Security;

namespace CityEServices.UrbanPlanning.Domain;

/// <summary>The claims this service decides with, read once from the validated access token.</summary>
public sealed record Caller(
    string? Subject,
    string? Name,
    IReadOnlySet<string> Roles,
    string? NationalId,
    string? OfficeCode,
    int? District)
{
    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>Who did it, for the request's history: a person's name, else an integrator's client id, else the subject.</summary>
    public static string ActorOf(ClaimsPrincipal user) =>
        NullIfEmpty(user.FindFirstValue(CityClaims.Name))
        ?? NullIfEmpty(user.FindFirstValue(CityClaims.ClientId))
        ?? NullIfEmpty(user.FindFirstValue(CityClaims.Subject))
        ?? "unknown";

    public static Caller From(ClaimsPrincipal user)
    {
        var roles = user.FindAll(CityClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var district = int.TryParse(user.FindFirstValue(CityClaims.District), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : (int?)null;
        return new Caller(
            user.FindFirstValue(CityClaims.Subject),
            user.FindFirstValue(CityClaims.Name),
            roles,
            NullIfEmpty(user.FindFirstValue(CityClaims.NationalId)),
            NullIfEmpty(user.FindFirstValue(CityClaims.OfficeCode)),
            district);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
