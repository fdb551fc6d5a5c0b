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

    public static Validated<ValidClient> Validate(string? displayName, IReadOnlyList<string?>? roles, IReadOnlyList<string?>? scopes)
    {
        var check = new ValidationErrors();
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            check.Add("displayName", "Display name is required.");
        }
        else if (name.Length > MaxDisplayNameLength)
        {
            check.Add("displayName", $"Display name must be at most {MaxDisplayNameLength} characters.");
        }

        // No roles given: the one role there is.
        var canonicalRoles = roles is null || roles.Count == 0 ? [OnlyRole] : RoleNames.Canonicalize(roles, "roles", check);
        var refused = canonicalRoles.Where(r => r != OnlyRole).ToArray();
        if (refused.Length > 0)
        {
            check.Add("roles", $"A client may hold only the {OnlyRole} role, never {string.Join(", ", refused)}; what it may do is given by its scopes.");
        }

        var canonicalScopes = check.Known("scopes", scopes, Scopes.All, "Scope");
        return check.Result(() => new ValidClient(name!, canonicalRoles, canonicalScopes));
    }
}
