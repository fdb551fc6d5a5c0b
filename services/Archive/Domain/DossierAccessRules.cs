namespace CityEServices.Archive.Domain;

/// <summary>
/// Who may read a dossier, decided from the token alone: null when allowed, else the 403. Admins and
/// archivists see every dossier, and so do integrator clients granted <c>archive.read</c>; an operator
/// those of their office (the by-law check of the office itself is the use case's, see
/// <c>OperatorByLaw</c>); a reviewer those of their district.
/// </summary>
public static class DossierAccessRules
{
    public const string RoleNotAllowed = OfficeAuthorizations.RoleNotAllowed;
    public const string NotDossierOffice = "NotDossierOffice";

    /// <summary>
    /// Readers of the whole archive: archivists and admins (people, never a client, whatever roles a
    /// token claims), and clients granted <c>archive.read</c> (their reads are audited under their id).
    /// </summary>
    public static bool ReadsEverything(Caller caller) =>
        DocumentAccessRules.SeesEverything(caller) || (caller.IsClient && caller.HasScope(Scopes.ArchiveRead));

    /// <summary>Whether the caller may read dossiers at all, checked before looking one up.</summary>
    public static Problem? CanReadAny(Caller caller) =>
        ReadsEverything(caller) || IsOperator(caller) || IsReviewer(caller)
            ? null
            : Problem.Forbidden(RoleNotAllowed, "Only admins, archivists, office operators, district reviewers and clients granted archive.read can read the archive.");

    public static Problem? CanRead(Caller caller, Dossier dossier)
    {
        if (ReadsEverything(caller)
            || (IsOperator(caller) && IsOfficeOf(caller, dossier.OfficeCode))
            || (IsReviewer(caller) && caller.District == dossier.District))
        {
            return null;
        }

        return IsReviewer(caller) ? OfficeAuthorizations.CheckReviewer(caller, dossier.District)
            : IsOperator(caller) ? Problem.Forbidden(NotDossierOffice, $"Dossier {dossier.FileNumber} belongs to a file opened at another office.")
            : CanReadAny(caller);
    }

    /// <summary>Whether <paramref name="officeCode"/> (a dossier's office) is the caller's own office; codes compare case-insensitively.</summary>
    public static bool IsOfficeOf(Caller caller, string? officeCode) =>
        officeCode is not null && string.Equals(caller.OfficeCode, officeCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Someone acting as an office operator: a person with the role who is not also an archivist or
    /// admin. Only they answer to the by-law (office active and licensed, operator active and certified).
    /// </summary>
    public static bool IsOperator(Caller caller) =>
        !caller.IsClient && caller.IsIn(Roles.OfficeOperator) && !DocumentAccessRules.SeesEverything(caller);

    public static bool IsReviewer(Caller caller) => !caller.IsClient && caller.IsIn(Roles.DistrictReviewer);
}
