namespace CityEServices.Identity.Domain;

/// <summary>A user that passed <see cref="UserRules.Validate"/>: every field in its canonical form.</summary>
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

    public static Validated<ValidUser> Validate(
        string? userName, string? password, IReadOnlyList<string?>? roles, string? nationalId, string? officeCode, int? district)
    {
        var check = new ValidationErrors();
        var name = string.IsNullOrWhiteSpace(userName) ? null : UserNames.Normalize(userName);
        if (name is null)
        {
            check.Add("userName", "User name is required.");
        }
        else if (!UserNames.IsWellFormed(name))
        {
            check.Add("userName", $"User name must be {UserNames.MinLength}–{UserNames.MaxLength} characters of English letters, digits, '.', '_' or '-'.");
        }

        check.Add("password", PasswordPolicy.Check(password));

        var assignment = CheckAssignment(roles, nationalId, officeCode, district, check);
        return check.Result(() => new ValidUser(name!, password!, assignment.Roles, assignment.NationalId, assignment.OfficeCode, assignment.District));
    }

    /// <summary>A change of roles, office, district or national ID: the same rules as at creation.</summary>
    public static Validated<ValidAssignment> ValidateAssignment(IReadOnlyList<string?>? roles, string? nationalId, string? officeCode, int? district)
    {
        var check = new ValidationErrors();
        var assignment = CheckAssignment(roles, nationalId, officeCode, district, check);
        return check.Result(() => assignment);
    }

    private static ValidAssignment CheckAssignment(
        IReadOnlyList<string?>? roles, string? nationalId, string? officeCode, int? district, ValidationErrors errors)
    {
        var canonicalRoles = RoleNames.Canonicalize(roles, "roles", errors);

        // Separation of duties (the by-law): whoever prepares a request at an office never reviews it.
        if (canonicalRoles.Contains(Roles.OfficeOperator) && canonicalRoles.Contains(Roles.DistrictReviewer))
        {
            errors.Add("roles", $"One user cannot hold both {Roles.OfficeOperator} and {Roles.DistrictReviewer}: whoever prepares a request must not review it.");
        }

        var canonicalNationalId = errors.Optional<NationalId>("nationalId", nationalId)?.Value;
        var canonicalOfficeCode = errors.Optional<OfficeCode>("officeCode", officeCode)?.Value;
        if (district is < MinDistrict or > MaxDistrict)
        {
            errors.Add("district", $"District must be between {MinDistrict} and {MaxDistrict}.");
        }

        // Operators and reviewers are authorised by these claims downstream: a token without them
        // would pass role checks yet fail every domain check, which is harder to diagnose than a 400.
        if (canonicalRoles.Contains(Roles.OfficeOperator))
        {
            if (string.IsNullOrWhiteSpace(nationalId))
            {
                errors.AddFirst("nationalId", "National ID is required for the office-operator role.");
            }

            if (string.IsNullOrWhiteSpace(officeCode))
            {
                errors.AddFirst("officeCode", "Office code is required for the office-operator role.");
            }
        }

        if (canonicalRoles.Contains(Roles.DistrictReviewer) && district is null)
        {
            errors.AddFirst("district", "District is required for the district-reviewer role.");
        }

        return new ValidAssignment(canonicalRoles, canonicalNationalId, canonicalOfficeCode, district);
    }
}
