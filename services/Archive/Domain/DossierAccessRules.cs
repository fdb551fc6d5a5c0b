using CityEServices.Contracts.Security;

namespace CityEServices.Archive.Domain;

/// <summary>Allowed, or refused with a machine-readable reason (the 403's <c>reason</c>) and a sentence for people.</summary>
public sealed record AccessDecision(bool Allowed, string? Reason, string? Detail)
{
    public static readonly AccessDecision Allow = new(true, null, null);

    public static AccessDecision Deny(string reason, string detail) => new(false, reason, detail);
}

/// <summary>Admins and archivists see every dossier; an operator those of their office; a reviewer those of their district.</summary>
public static class DossierAccessRules
{
    public const string RoleNotAllowed = "RoleNotAllowed";
    public const string NotDossierOffice = "NotDossierOffice";
    public const string NotDossierDistrict = "NotDossierDistrict";

    /// <summary>Whether the caller may read dossiers at all, checked before looking one up.</summary>
    public static AccessDecision CanReadAny(Caller caller) =>
        caller.IsIn(Roles.Admin) || caller.IsIn(Roles.Archivist) || caller.IsIn(Roles.OfficeOperator) || caller.IsIn(Roles.DistrictReviewer)
            ? AccessDecision.Allow
            : AccessDecision.Deny(RoleNotAllowed, "Only admins, archivists, office operators and district reviewers can read dossiers.");

    public static AccessDecision CanRead(Caller caller, Dossier dossier)
    {
        if (caller.IsIn(Roles.Admin) || caller.IsIn(Roles.Archivist))
        {
            return AccessDecision.Allow;
        }

        if (caller.IsIn(Roles.OfficeOperator) && string.Equals(caller.OfficeCode, dossier.OfficeCode, StringComparison.OrdinalIgnoreCase))
        {
            return AccessDecision.Allow;
        }

        if (caller.IsIn(Roles.DistrictReviewer) && caller.District == dossier.District)
        {
            return AccessDecision.Allow;
        }

        if (caller.IsIn(Roles.DistrictReviewer))
        {
            return AccessDecision.Deny(NotDossierDistrict, $"Dossier {dossier.FileNumber} belongs to district {dossier.District}.");
        }

        if (caller.IsIn(Roles.OfficeOperator))
        {
            return AccessDecision.Deny(NotDossierOffice, $"Dossier {dossier.FileNumber} belongs to a file opened at another office.");
        }

        return CanReadAny(caller);
    }
}
