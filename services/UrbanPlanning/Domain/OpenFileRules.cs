using System.Diagnostics.CodeAnalysis;

namespace CityEServices.UrbanPlanning.Domain;

/// <summary>An open-file request that passed <see cref="OpenFileRules.Validate"/>: every field canonical.</summary>
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
    /// <param name="applicantMobile">Optional: 09…, 9…, +989… or 00989…; stored as +989….</param>
    public static Validated<ValidOpenFile> Validate(string? renovationCode, string? applicantNationalId, string? officeCode, string? applicantMobile = null)
    {
        var check = new ValidationErrors();
        var code = check.Parse<RenovationCode>("renovationCode", renovationCode);
        var applicant = check.Parse<NationalId>("applicantNationalId", applicantNationalId);
        var office = check.Parse<OfficeCode>("officeCode", officeCode);
        var mobile = check.Optional<MobileNumber>("applicantMobile", applicantMobile);
        return check.Result(() => new ValidOpenFile(code, applicant, office.Value) { ApplicantMobile = mobile });
    }
}
