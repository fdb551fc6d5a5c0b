namespace CityEServices.Identity.Domain;

internal static class RoleNames
{
    /// <summary>
    /// Maps each requested role to its canonical spelling from <see cref="Roles.All"/>, dropping
    /// duplicates; unknown or missing roles become field errors under <paramref name="field"/>.
    /// </summary>
    public static string[] Canonicalize(IReadOnlyList<string?>? requested, string field, ValidationErrors errors)
    {
        if (requested is null || requested.Count == 0)
        {
            errors.Add(field, "At least one role is required.");
            return [];
        }

        return errors.Known(field, requested, Roles.All, "Role");
    }
}
