using CityEServices.Contracts.Security;

namespace CityEServices.Archive.Domain;

/// <summary>
/// Who may read a dossier, decided from the token alone: null when allowed, else the 403. Admins and
/// archivists see every dossier; an operator those of their office; a reviewer those of their district.
/// </summary>
public static class DossierAccessRules
{
    public const string RoleNotAllowed = "RoleNotAllowed";
    public const string NotDossierOffice = "NotDossierOffice";
    public const string NotDossierDistrict = "NotDossierDistrict";

    /// <summary>Whether the caller may read dossiers at all, checked before looking one up.</summary>
    public static Problem? CanReadAny(Caller caller) =>
        caller.IsIn(Roles.Admin) || caller.IsIn(Roles.Archivist) || caller.IsIn(Roles.OfficeOperator) || caller.IsIn(Roles.DistrictReviewer)
            ? null
            : Problem.Forbidden(RoleNotAllowed, "Only admins, archivists, office operators and district reviewers can read dossiers.");

    public static Problem? CanRead(Caller caller, Dossier dossier)
    {
        if (DocumentAccessRules.SeesEverything(caller)
            || (caller.IsIn(Roles.OfficeOperator) && IsOfficeOf(caller, dossier.OfficeCode))
            || (caller.IsIn(Roles.DistrictReviewer) && caller.District == dossier.District))
        {
            return null;
        }

        return caller.IsIn(Roles.DistrictReviewer) ? Problem.Forbidden(NotDossierDistrict, $"Dossier {dossier.FileNumber} belongs to district {dossier.District}.")
            : caller.IsIn(Roles.OfficeOperator) ? Problem.Forbidden(NotDossierOffice, $"Dossier {dossier.FileNumber} belongs to a file opened at another office.")
            : CanReadAny(caller);
    }

    /// <summary>Whether <paramref name="officeCode"/> (a dossier's office) is the caller's own office; codes compare case-insensitively.</summary>
    public static bool IsOfficeOf(Caller caller, string? officeCode) =>
        officeCode is not null && string.Equals(caller.OfficeCode, officeCode, StringComparison.OrdinalIgnoreCase);
}
