using System.Diagnostics.CodeAnalysis;
using CityEServices.Contracts.Security;
using CityEServices.Iran;

namespace CityEServices.Identity.Domain;

/// <summary>A user that passed <see cref="UserRules.TryValidate"/>: every field in its canonical form.</summary>
public sealed record ValidUser(string UserName, string Password, string[] Roles, string? NationalId, string? OfficeCode, int? District)
{
    public ValidAssignment Assignment => new(Roles, NationalId, OfficeCode, District);
}

/// <summary>What a user does and where: roles, and the claims those roles are authorised by downstream.</summary>
public sealed record ValidAssignment(string[] Roles, string? NationalId, string? OfficeCode, int? District);

/// <summary>
/// What a user must satisfy, at creation and at every change of roles or office. Field names in the
/// errors are the JSON names of the request, so a client can put each message next to its input.
/// </summary>
public static class UserRules
{
    public const int MinDistrict = 1;
    public const int MaxDistrict = 22;
    public const int MaxOfficeCodeLength = OfficeCode.MaxLength;

    public static bool TryValidate(
        string? userName,
        string? password,
        IReadOnlyList<string?>? roles,
        string? nationalId,
        string? officeCode,
        int? district,
        [NotNullWhen(true)] out ValidUser? user,
        out Dictionary<string, string[]> errors)
    {
        user = null;
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        var name = string.IsNullOrWhiteSpace(userName) ? null : UserNames.Normalize(userName);
        if (name is null)
        {
            errors["userName"] = ["User name is required."];
        }
        else if (!UserNames.IsWellFormed(name))
        {
            errors["userName"] = [$"User name must be {UserNames.MinLength}–{UserNames.MaxLength} characters of English letters, digits, '.', '_' or '-'."];
        }

        var passwordProblems = PasswordPolicy.Check(password);
        if (passwordProblems.Count > 0)
        {
            errors["password"] = [.. passwordProblems];
        }

        var assignment = CheckAssignment(roles, nationalId, officeCode, district, errors);
        if (errors.Count > 0)
        {
            return false;
        }

        user = new ValidUser(name!, password!, assignment.Roles, assignment.NationalId, assignment.OfficeCode, assignment.District);
        return true;
    }

    /// <summary>A change of roles, office, district or national ID: the same rules as at creation.</summary>
    public static bool TryValidateAssignment(
        IReadOnlyList<string?>? roles,
        string? nationalId,
        string? officeCode,
        int? district,
        [NotNullWhen(true)] out ValidAssignment? assignment,
        out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var checkedAssignment = CheckAssignment(roles, nationalId, officeCode, district, errors);
        assignment = errors.Count == 0 ? checkedAssignment : null;
        return assignment is not null;
    }

    private static ValidAssignment CheckAssignment(
        IReadOnlyList<string?>? roles, string? nationalId, string? officeCode, int? district, Dictionary<string, string[]> errors)
    {
        var canonicalRoles = RoleNames.Canonicalize(roles, "roles", errors);

        // Separation of duties (the by-law): whoever prepares a request at an office never reviews it.
        if (canonicalRoles.Contains(Roles.OfficeOperator) && canonicalRoles.Contains(Roles.DistrictReviewer))
        {
            errors["roles"] = [.. errors.GetValueOrDefault("roles", []),
                $"One user cannot hold both {Roles.OfficeOperator} and {Roles.DistrictReviewer}: whoever prepares a request must not review it."];
        }

        string? canonicalNationalId = null;
        if (!string.IsNullOrWhiteSpace(nationalId))
        {
            if (NationalId.TryParse(nationalId, out var parsed, out var error))
            {
                canonicalNationalId = parsed.Value;
            }
            else
            {
                errors["nationalId"] = [error];
            }
        }

        string? canonicalOfficeCode = null;
        if (!string.IsNullOrWhiteSpace(officeCode))
        {
            if (OfficeCode.TryParse(officeCode.Trim(), out var parsed, out var error))
            {
                canonicalOfficeCode = parsed.Value;
            }
            else
            {
                errors["officeCode"] = [error];
            }
        }

        if (district is < MinDistrict or > MaxDistrict)
        {
            errors["district"] = [$"District must be between {MinDistrict} and {MaxDistrict}."];
        }

        // Operators and reviewers are authorised by these claims downstream: a token without them
        // would pass role checks yet fail every domain check, which is harder to diagnose than a 400.
        if (canonicalRoles.Contains(Roles.OfficeOperator))
        {
            if (string.IsNullOrWhiteSpace(nationalId))
            {
                errors.TryAdd("nationalId", ["National ID is required for the office-operator role."]);
            }

            if (string.IsNullOrWhiteSpace(officeCode))
            {
                errors.TryAdd("officeCode", ["Office code is required for the office-operator role."]);
            }
        }

        if (canonicalRoles.Contains(Roles.DistrictReviewer) && district is null)
        {
            errors.TryAdd("district", ["District is required for the district-reviewer role."]);
        }

        return new ValidAssignment(canonicalRoles, canonicalNationalId, canonicalOfficeCode, district);
    }
}
