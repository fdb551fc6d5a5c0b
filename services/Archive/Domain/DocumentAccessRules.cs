using CityEServices.Contracts.Security;

namespace CityEServices.Archive.Domain;

/// <summary>
/// Who may archive and read documents. Archivists and admins everything; an operator archives and
/// reads for files opened at their own office; a reviewer reads the documents of their district.
/// Holds, disposal and fixity checks belong to archivists (and admins).
/// </summary>
public static class DocumentAccessRules
{
    public const string LegacyImportNotAllowed = "LegacyImportNotAllowed";
    public const string NotDocumentDistrict = "NotDocumentDistrict";

    public static bool SeesEverything(Caller caller) => caller.IsIn(Roles.Admin) || caller.IsIn(Roles.Archivist);

    public static AccessDecision CanUploadAny(Caller caller) =>
        SeesEverything(caller) || caller.IsIn(Roles.OfficeOperator)
            ? AccessDecision.Allow
            : AccessDecision.Deny(DossierAccessRules.RoleNotAllowed, "Only admins, archivists and office operators can archive documents.");

    /// <summary>Checked once the metadata is known; <paramref name="dossier"/> is the file's dossier when the upload names one.</summary>
    public static AccessDecision CanUpload(Caller caller, DocumentSource source, Dossier? dossier)
    {
        if (SeesEverything(caller))
        {
            return AccessDecision.Allow;
        }

        if (source == DocumentSource.LegacyImport)
        {
            return AccessDecision.Deny(LegacyImportNotAllowed, "Only archivists and admins import legacy scans.");
        }

        return dossier is not null && caller.IsIn(Roles.OfficeOperator) && string.Equals(caller.OfficeCode, dossier.OfficeCode, StringComparison.OrdinalIgnoreCase)
            ? AccessDecision.Allow
            : AccessDecision.Deny(DossierAccessRules.NotDossierOffice, "Operators archive documents only for files opened at their own office.");
    }

    public static AccessDecision CanManage(Caller caller) =>
        SeesEverything(caller)
            ? AccessDecision.Allow
            : AccessDecision.Deny(DossierAccessRules.RoleNotAllowed, "Only archivists and admins manage holds, disposal and fixity checks.");

    /// <summary><paramref name="dossierOffice"/> is the office of the document's file, when it has a dossier.</summary>
    public static AccessDecision CanRead(Caller caller, Document document, string? dossierOffice)
    {
        if (SeesEverything(caller))
        {
            return AccessDecision.Allow;
        }

        if (caller.IsIn(Roles.DistrictReviewer) && caller.District is { } district && district == document.District)
        {
            return AccessDecision.Allow;
        }

        if (caller.IsIn(Roles.OfficeOperator) && dossierOffice is not null && string.Equals(caller.OfficeCode, dossierOffice, StringComparison.OrdinalIgnoreCase))
        {
            return AccessDecision.Allow;
        }

        return caller.IsIn(Roles.DistrictReviewer) ? AccessDecision.Deny(NotDocumentDistrict, "The document belongs to another district.")
            : caller.IsIn(Roles.OfficeOperator) ? AccessDecision.Deny(DossierAccessRules.NotDossierOffice, "The document belongs to a file opened at another office.")
            : DossierAccessRules.CanReadAny(caller);
    }
}
