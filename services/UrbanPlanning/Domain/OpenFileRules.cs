using System.Diagnostics.CodeAnalysis;

namespace CityEServices.UrbanPlanning.Domain;

/// <summary>An open-file request that passed <see cref="OpenFileRules.TryValidate"/>: every field canonical.</summary>
public sealed record ValidOpenFile(RenovationCode RenovationCode, NationalId ApplicantNationalId, string OfficeCode)
{
    /// <summary>The applicant's mobile (<c>+989…</c>) for SMS about the file, when they gave one.</summary>
    public MobileNumber? ApplicantMobile { get; init; }
}

/// <summary>
/// Shape checks for opening a file, done before any other service is asked anything. Error keys are
/// the request's JSON names, so a client can show each message next to its input.
/// </summary>
public static class OpenFileRules
{
    public static bool TryValidate(
        string? renovationCode,
        string? applicantNationalId,
        string? officeCode,
        [NotNullWhen(true)] out ValidOpenFile? valid,
        out Dictionary<string, string[]> errors) =>
        TryValidate(renovationCode, applicantNationalId, officeCode, applicantMobile: null, out valid, out errors);

    /// <summary>As above, with the applicant's optional mobile (09…, 9…, +989… or 00989…; stored as +989…).</summary>
    public static bool TryValidate(
        string? renovationCode,
        string? applicantNationalId,
        string? officeCode,
        string? applicantMobile,
        [NotNullWhen(true)] out ValidOpenFile? valid,
        out Dictionary<string, string[]> errors)
    {
        valid = null;
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        if (!RenovationCode.TryParse(renovationCode, out var code, out var codeError))
        {
            errors["renovationCode"] = [codeError];
        }

        if (!NationalId.TryParse(applicantNationalId, out var applicant, out var applicantError))
        {
            errors["applicantNationalId"] = [applicantError];
        }

        if (!OfficeCode.TryParse(officeCode, out var office, out var officeError))
        {
            errors["officeCode"] = [officeError];
        }

        MobileNumber? mobile = null;
        if (!string.IsNullOrWhiteSpace(applicantMobile))
        {
            if (MobileNumber.TryParse(applicantMobile, out var parsed, out var mobileError))
            {
                mobile = parsed;
            }
            else
            {
                errors["applicantMobile"] = [mobileError];
            }
        }

        if (errors.Count > 0)
        {
            return false;
        }

        valid = new ValidOpenFile(code, applicant, office.Value) { ApplicantMobile = mobile };
        return true;
    }
}
