using CityEServices.Contracts.Security;

namespace CityEServices.Archive.Domain;

/// <summary>
/// Who may archive and read documents: null when allowed, else the 403. Archivists and admins
/// everything; an operator archives and reads for files opened at their own office; a reviewer reads
/// the documents of their district. Holds, disposal and fixity checks belong to archivists (and admins).
/// </summary>
public static class DocumentAccessRules
{
    public const string LegacyImportNotAllowed = "LegacyImportNotAllowed";
    public const string NotDocumentDistrict = "NotDocumentDistrict";

    public static bool SeesEverything(Caller caller) => caller.IsIn(Roles.Admin) || caller.IsIn(Roles.Archivist);

    /// <summary>Checked before the upload's body is read, so a caller who may never archive streams nothing to disk.</summary>
    public static Problem? CanUploadAny(Caller caller) =>
        SeesEverything(caller) || caller.IsIn(Roles.OfficeOperator)
            ? null
            : Problem.Forbidden(DossierAccessRules.RoleNotAllowed, "Only admins, archivists and office operators can archive documents.");

    /// <summary>Checked once the metadata is known; <paramref name="dossier"/> is the file's dossier when the upload names one.</summary>
    public static Problem? CanUpload(Caller caller, DocumentSource source, Dossier? dossier)
    {
        if (SeesEverything(caller))
        {
            return null;
        }

        if (source == DocumentSource.LegacyImport)
        {
            return Problem.Forbidden(LegacyImportNotAllowed, "Only archivists and admins import legacy scans.");
        }

        return dossier is not null && caller.IsIn(Roles.OfficeOperator) && DossierAccessRules.IsOfficeOf(caller, dossier.OfficeCode)
            ? null
            : Problem.Forbidden(DossierAccessRules.NotDossierOffice, "Operators archive documents only for files opened at their own office.");
    }

    public static Problem? CanManage(Caller caller) =>
        SeesEverything(caller)
            ? null
            : Problem.Forbidden(DossierAccessRules.RoleNotAllowed, "Only archivists and admins manage holds, disposal and fixity checks.");

    /// <summary><paramref name="dossierOffice"/> is the office of the document's file, when it has a dossier.</summary>
    public static Problem? CanRead(Caller caller, Document document, string? dossierOffice)
    {
        if (SeesEverything(caller)
            || (caller.IsIn(Roles.DistrictReviewer) && caller.District is { } district && district == document.District)
            || (caller.IsIn(Roles.OfficeOperator) && DossierAccessRules.IsOfficeOf(caller, dossierOffice)))
        {
            return null;
        }

        return caller.IsIn(Roles.DistrictReviewer) ? Problem.Forbidden(NotDocumentDistrict, "The document belongs to another district.")
            : caller.IsIn(Roles.OfficeOperator) ? Problem.Forbidden(DossierAccessRules.NotDossierOffice, "The document belongs to a file opened at another office.")
            : DossierAccessRules.CanReadAny(caller);
    }
}
