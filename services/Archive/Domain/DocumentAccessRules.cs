namespace CityEServices.Archive.Domain;

/// <summary>
/// Who may archive and read documents: null when allowed, else the 403. Archivists and admins
/// everything; an operator archives office scans and reads for files opened at their own office; a
/// reviewer reads the documents of their district; an integrator client reads everything with
/// <c>archive.read</c> and imports legacy scans with <c>archive.write</c>; a signed-in citizen uploads to
/// the files they hold (and sees nothing of anyone else's: another's file is a 404, not a 403). Holds, disposal, fixity checks
/// and the read audit belong to archivists (and admins), never to a client.
/// </summary>
public static class DocumentAccessRules
{
    public const string LegacyImportNotAllowed = "LegacyImportNotAllowed";

    /// <summary>
    /// Archivists and admins. A client never counts as one, whatever its token claims: identity never
    /// grants clients those roles, and a mistake there must not open holds, disposal or the audit.
    /// </summary>
    public static bool SeesEverything(Caller caller) => !caller.IsClient && (caller.IsIn(Roles.Admin) || caller.IsIn(Roles.Archivist));

    /// <summary>Checked before the upload's body is read, so a caller who may never archive streams nothing to disk.</summary>
    public static Problem? CanUploadAny(Caller caller) =>
        SeesEverything(caller) || DossierAccessRules.IsOperator(caller) || IsCitizen(caller) || (caller.IsClient && caller.HasScope(Scopes.ArchiveWrite))
            ? null
            : Problem.Forbidden(DossierAccessRules.RoleNotAllowed, "Only admins, archivists, office operators and clients granted archive.write can archive documents.");

    /// <summary>Checked once the metadata is known; <paramref name="dossier"/> is the file's dossier when the upload names one.</summary>
    public static Problem? CanUpload(Caller caller, DocumentSource source, Dossier? dossier)
    {
        if (IsCitizen(caller))
        {
            return source == DocumentSource.CitizenUpload && dossier is not null && dossier.IsHolder(caller.NationalId)
                ? null
                : Problem.NotFound("Dossier not found.", "You hold no file with this number.");
        }

        if (source == DocumentSource.CitizenUpload)
        {
            return Problem.Forbidden(DossierAccessRules.RoleNotAllowed, "Only a citizen signed in with their own code uploads as a citizen.");
        }

        if (SeesEverything(caller))
        {
            return null;
        }

        if (caller.IsClient)
        {
            // The bulk-import tool signs in as a client; an office scan is made at a counter by the
            // office's operator, under the by-law, which a client cannot answer to.
            return source == DocumentSource.LegacyImport
                ? null
                : Problem.Forbidden(DossierAccessRules.RoleNotAllowed, "Clients import legacy scans only (source LegacyImport); office scans are archived by the office's operator.");
        }

        if (source == DocumentSource.LegacyImport)
        {
            return Problem.Forbidden(LegacyImportNotAllowed, "Only archivists, admins and import clients import legacy scans.");
        }

        return dossier is not null && DossierAccessRules.IsOperator(caller) && DossierAccessRules.IsOfficeOf(caller, dossier.OfficeCode)
            ? null
            : Problem.Forbidden(DossierAccessRules.NotDossierOffice, "Operators archive documents only for files opened at their own office.");
    }

    public static Problem? CanManage(Caller caller) =>
        SeesEverything(caller)
            ? null
            : Problem.Forbidden(DossierAccessRules.RoleNotAllowed, "Only archivists and admins manage holds, disposal, fixity checks and the read audit.");

    /// <summary><paramref name="dossierOffice"/> is the office of the document's file, when it has a dossier.</summary>
    public static Problem? CanRead(Caller caller, Document document, string? dossierOffice)
    {
        if (DossierAccessRules.ReadsEverything(caller)
            || (DossierAccessRules.IsReviewer(caller) && caller.District is { } district && district == document.District)
            || (DossierAccessRules.IsOperator(caller) && DossierAccessRules.IsOfficeOf(caller, dossierOffice)))
        {
            return null;
        }

        if (DossierAccessRules.IsReviewer(caller))
        {
            return document.District is { } documentDistrict
                ? OfficeAuthorizations.CheckReviewer(caller, documentDistrict)
                : Problem.Forbidden(OfficeAuthorizations.WrongDistrict, "The document belongs to no district, so no reviewer reads it.");
        }

        return DossierAccessRules.IsOperator(caller)
            ? Problem.Forbidden(DossierAccessRules.NotDossierOffice, "The document belongs to a file opened at another office.")
            : DossierAccessRules.CanReadAny(caller);
    }

    /// <summary>A person signed in as a citizen (never a client, never staff as well), with the national ID their code was sent for.</summary>
    public static bool IsCitizen(Caller caller) =>
        !caller.IsClient && caller.IsIn(Roles.Citizen) && caller.NationalId is not null && !SeesEverything(caller) && !DossierAccessRules.IsOperator(caller);
}
