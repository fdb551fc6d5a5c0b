using System.Diagnostics.CodeAnalysis;
using CityEServices.Contracts.Security;

namespace CityEServices.Identity.Domain;

public sealed record ValidClient(string DisplayName, string[] Roles, string[] Scopes);

public static class ClientRules
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>
    /// The only role an application may hold. Staff roles act for a person (an office's operator, a
    /// district's reviewer) or hold the city's keys (admin, registrar, archivist): an application that
    /// held one would act with nobody answerable for it. What an integrator may do is its scopes.
    /// </summary>
    public const string OnlyRole = Roles.Integrator;

    public static bool TryValidate(
        string? displayName,
        IReadOnlyList<string?>? roles,
        IReadOnlyList<string?>? scopes,
        [NotNullWhen(true)] out ValidClient? client,
        out Dictionary<string, string[]> errors)
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

        // No roles given: the one role there is.
        var canonicalRoles = roles is null || roles.Count == 0 ? [OnlyRole] : RoleNames.Canonicalize(roles, "roles", errors);
        var refused = canonicalRoles.Where(r => r != OnlyRole).ToArray();
        if (refused.Length > 0)
        {
            errors["roles"] = [.. errors.GetValueOrDefault("roles", []),
                $"A client may hold only the {OnlyRole} role, never {string.Join(", ", refused)}; what it may do is given by its scopes."];
        }

        var canonicalScopes = CanonicalScopes(scopes, errors);
        if (errors.Count > 0)
        {
            return false;
        }

        client = new ValidClient(name!, canonicalRoles, canonicalScopes);
        return true;
    }

    private static string[] CanonicalScopes(IReadOnlyList<string?>? requested, Dictionary<string, string[]> errors)
    {
        var canonical = new List<string>();
        List<string>? problems = null;
        for (var i = 0; i < (requested?.Count ?? 0); i++)
        {
            var scope = requested![i]?.Trim();
            var known = scope is null ? null : Scopes.All.FirstOrDefault(s => string.Equals(s, scope, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                (problems ??= []).Add($"Scope '{requested[i]}' (item {i}) is not one of: {string.Join(", ", Scopes.All)}.");
            }
            else if (!canonical.Contains(known))
            {
                canonical.Add(known);
            }
        }

        if (problems is not null)
        {
            errors["scopes"] = [.. problems];
        }

        return [.. canonical];
    }
}
