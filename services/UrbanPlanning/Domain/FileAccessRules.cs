using CityEServices.Contracts.Security;

namespace CityEServices.UrbanPlanning.Domain;

/// <summary>
/// Who may do what with a file, decided from the token alone. The checks that need other services
/// (office licence and operator certification, ownership) follow these in the endpoint.
/// </summary>
public static class FileAccessRules
{
    /// <summary>
    /// Only an operator, and only at the office named in their token: a file is opened at a counter by
    /// the person behind it. Admins deliberately cannot, so every file has an accountable operator.
    /// </summary>
    public static AccessDecision CanOpen(Caller caller, string officeCode)
    {
        if (!caller.IsIn(Roles.OfficeOperator))
        {
            return AccessDecision.Deny(DenialReasons.RoleNotAllowed, "Only an office operator can open an urban-planning file.");
        }

        if (caller.OfficeCode is null || !string.Equals(caller.OfficeCode, officeCode, StringComparison.OrdinalIgnoreCase))
        {
            return AccessDecision.Deny(DenialReasons.OperatorNotAtOffice, $"The operator does not work at office {officeCode}.");
        }

        if (caller.NationalId is null)
        {
            return AccessDecision.Deny(DenialReasons.OperatorIdentityMissing, "The operator's token carries no national ID, so their certification cannot be checked.");
        }

        return AccessDecision.Allow;
    }

    /// <summary>Whether the caller may read files at all (before the file is looked up).</summary>
    public static AccessDecision CanReadAny(Caller caller) =>
        caller.IsIn(Roles.Admin) || caller.IsIn(Roles.OfficeOperator) || caller.IsIn(Roles.DistrictReviewer)
            ? AccessDecision.Allow
            : AccessDecision.Deny(DenialReasons.RoleNotAllowed, "Only admins, office operators and district reviewers can read urban-planning files.");

    /// <summary>Admins read every file, an operator the files of their office, a reviewer those of their district.</summary>
    public static AccessDecision CanRead(Caller caller, UrbanPlanningFile file)
    {
        if (caller.IsIn(Roles.Admin))
        {
            return AccessDecision.Allow;
        }

        if (caller.IsIn(Roles.OfficeOperator) && string.Equals(caller.OfficeCode, file.OfficeCode, StringComparison.OrdinalIgnoreCase))
        {
            return AccessDecision.Allow;
        }

        if (caller.IsIn(Roles.DistrictReviewer) && caller.District == file.District)
        {
            return AccessDecision.Allow;
        }

        if (caller.IsIn(Roles.DistrictReviewer))
        {
            return AccessDecision.Deny(DenialReasons.NotFileDistrict, $"File {file.FileNumber} belongs to district {file.District}.");
        }

        if (caller.IsIn(Roles.OfficeOperator))
        {
            return AccessDecision.Deny(DenialReasons.NotFileOffice, $"File {file.FileNumber} was opened at another office.");
        }

        return CanReadAny(caller);
    }
}
