using System.Diagnostics.CodeAnalysis;
using CityEServices.Iran;

namespace CityEServices.UrbanPlanning.Domain;

/// <summary>An open-file request that passed <see cref="OpenFileRules.TryValidate"/>: every field canonical.</summary>
public sealed record ValidOpenFile(RenovationCode RenovationCode, NationalId ApplicantNationalId, string OfficeCode);

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

        if (errors.Count > 0)
        {
            return false;
        }

        valid = new ValidOpenFile(code, applicant, office.Value);
        return true;
    }
}
