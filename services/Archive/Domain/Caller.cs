using System.Globalization;
using System.Security.Claims;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.Domain;

/// <summary>The claims this service decides with, read once from the validated access token.</summary>
public sealed record Caller(IReadOnlySet<string> Roles, string? OfficeCode, int? District)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public static Caller From(ClaimsPrincipal user)
    {
        var roles = user.FindAll(CityClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var office = user.FindFirstValue(CityClaims.OfficeCode);
        var district = int.TryParse(user.FindFirstValue(CityClaims.District), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : (int?)null;
        return new Caller(roles, string.IsNullOrWhiteSpace(office) ? null : office.Trim(), district);
    }
}
