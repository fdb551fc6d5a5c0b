namespace CityEServices.Identity.Domain;

internal static class RoleNames
{
    /// <summary>
    /// Maps each requested role to its canonical spelling from <see cref="Roles.All"/>, dropping
    /// duplicates; unknown or missing roles become field errors under <paramref name="field"/>.
    /// </summary>
    public static string[] Canonicalize(IReadOnlyList<string?>? requested, string field, Dictionary<string, string[]> errors)
    {
        if (requested is null || requested.Count == 0)
        {
            errors[field] = ["At least one role is required."];
            return [];
        }

        var canonical = new List<string>(requested.Count);
        List<string>? problems = null;
        for (var i = 0; i < requested.Count; i++)
        {
            var role = requested[i]?.Trim();
            var known = role is null ? null : Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                (problems ??= []).Add($"Role '{requested[i]}' (item {i}) is not one of: {string.Join(", ", Roles.All)}.");
            }
            else if (!canonical.Contains(known))
            {
                canonical.Add(known);
            }
        }

        if (problems is not null)
        {
            errors[field] = [.. problems];
        }

        return [.. canonical];
    }
}
