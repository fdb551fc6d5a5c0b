using System.Diagnostics.CodeAnalysis;
using CityEServices.Contracts.Security;

namespace CityEServices.Identity.Domain;

public sealed record ValidClient(string DisplayName, string[] Roles);

public static class ClientRules
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>
    /// A client acts as a system, not a person: it has no office, national ID or district, so the
    /// roles that are authorised by those claims cannot be given to it.
    /// </summary>
    public static readonly IReadOnlyList<string> PersonOnlyRoles = [Roles.OfficeOperator, Roles.DistrictReviewer];

    public static bool TryValidate(string? displayName, IReadOnlyList<string?>? roles, [NotNullWhen(true)] out ValidClient? client, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        client = null;

        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["displayName"] = ["Display name is required."];
        }
        else if (name.Length > MaxDisplayNameLength)
        {
            errors["displayName"] = [$"Display name must be at most {MaxDisplayNameLength} characters."];
        }

        var canonical = RoleNames.Canonicalize(roles, "roles", errors);
        var personOnly = canonical.Where(PersonOnlyRoles.Contains).ToArray();
        if (personOnly.Length > 0)
        {
            errors["roles"] = [.. errors.GetValueOrDefault("roles", []), $"A client cannot hold the role(s) {string.Join(", ", personOnly)}: they need a person's office or district."];
        }

        if (errors.Count > 0)
        {
            return false;
        }

        client = new ValidClient(name!, canonical);
        return true;
    }
}
