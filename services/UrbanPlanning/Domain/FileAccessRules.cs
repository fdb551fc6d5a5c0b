using CityEServices.Contracts.Security;

namespace CityEServices.UrbanPlanning.Domain;

/// <summary>
/// Who may do what with a file, decided from the token alone: null when allowed, else the 403. The
/// checks that need other services (office licence and operator certification, ownership) follow these
/// in the use case.
/// </summary>
public static class FileAccessRules
{
    /// <summary>
    /// Only an operator, and only at the office named in their token: a file is opened at a counter by
    /// the person behind it. Admins deliberately cannot, so every file has an accountable operator.
    /// </summary>
    public static Problem? CanOpen(Caller caller, string officeCode)
    {
        if (!caller.IsIn(Roles.OfficeOperator))
        {
            return Problem.Forbidden(DenialReasons.RoleNotAllowed, "Only an office operator can open an urban-planning file.");
        }

        if (caller.OfficeCode is null || !string.Equals(caller.OfficeCode, officeCode, StringComparison.OrdinalIgnoreCase))
        {
            return Problem.Forbidden(DenialReasons.OperatorNotAtOffice, $"The operator does not work at office {officeCode}.");
        }

        return caller.NationalId is null
            ? Problem.Forbidden(DenialReasons.OperatorIdentityMissing, "The operator's token carries no national ID, so their certification cannot be checked.")
            : null;
    }

    /// <summary>Whether the caller may read files at all (before the file is looked up).</summary>
    public static Problem? CanReadAny(Caller caller) =>
        caller.IsIn(Roles.Admin) || caller.IsIn(Roles.OfficeOperator) || caller.IsIn(Roles.DistrictReviewer)
            ? null
            : Problem.Forbidden(DenialReasons.RoleNotAllowed, "Only admins, office operators and district reviewers can read urban-planning files.");

    /// <summary>Admins read every file, an operator the files of their office, a reviewer those of their district.</summary>
    public static Problem? CanRead(Caller caller, UrbanPlanningFile file)
    {
        if (caller.IsIn(Roles.Admin)
            || (caller.IsIn(Roles.OfficeOperator) && string.Equals(caller.OfficeCode, file.OfficeCode, StringComparison.OrdinalIgnoreCase))
            || (caller.IsIn(Roles.DistrictReviewer) && caller.District == file.District))
        {
            return null;
        }

        if (caller.IsIn(Roles.DistrictReviewer))
        {
            return Problem.Forbidden(DenialReasons.NotFileDistrict, $"File {file.FileNumber} belongs to district {file.District}.");
        }

        if (caller.IsIn(Roles.OfficeOperator))
        {
            return Problem.Forbidden(DenialReasons.NotFileOffice, $"File {file.FileNumber} was opened at another office.");
        }

        return CanReadAny(caller);
    }

    /// <summary>Integrators (banks) read the request they pay for; everyone else as for its file.</summary>
    public static Problem? CanReadRequest(Caller caller, UrbanPlanningFile file) =>
        caller.IsIn(Roles.Integrator) ? null : CanRead(caller, file);
}
