namespace CityEServices.UrbanPlanning.Domain;

/// <summary>As whom a caller reads or acts on a file; each answers to its own by-law check.</summary>
public enum FileRole
{
    /// <summary>Reads everything; acts on nothing an office or reviewer does.</summary>
    Admin,

    /// <summary>An operator of the file's office: office management authorises them per service type.</summary>
    Operator,

    /// <summary>A district reviewer: acts and reads only in the file's district.</summary>
    Reviewer,

    /// <summary>An integrator client, by the scopes it was granted.</summary>
    Client,
}

/// <summary>
/// Who may do what with a file, decided from the token alone: null (or the caller's role) when allowed,
/// else the 403. The checks that need other services (office licence and operator certification,
/// ownership) and the reviewer's district follow these in the use case.
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

    /// <summary>
    /// Whether the caller may read files at all (before the file is looked up): the staff who work on
    /// files, and integrator clients granted one of <paramref name="clientScopes"/>.
    /// </summary>
    public static Problem? CanReadAny(Caller caller, IReadOnlyCollection<string> clientScopes)
    {
        if (caller.IsClient)
        {
            return clientScopes.Any(caller.HasScope)
                ? null
                : Problem.Forbidden(ScopeExtensions.InsufficientScope, $"This read needs the scope {string.Join(" or ", clientScopes)}.");
        }

        return caller.IsIn(Roles.Admin) || caller.IsIn(Roles.OfficeOperator) || caller.IsIn(Roles.DistrictReviewer)
            ? null
            : Problem.Forbidden(DenialReasons.RoleNotAllowed, "Only admins, office operators and district reviewers can read urban-planning files.");
    }

    /// <summary>
    /// As whom the caller reads <paramref name="file"/>: an admin or a granted client reads any file, an
    /// operator the files of their office, a reviewer as a reviewer. The by-law's part (the operator's
    /// office authorised now, the reviewer's district) follows in the use case.
    /// </summary>
    public static Outcome<FileRole> Reader(Caller caller, UrbanPlanningFile file, IReadOnlyCollection<string> clientScopes)
    {
        if (CanReadAny(caller, clientScopes) is { } refused)
        {
            return refused;
        }

        if (caller.IsClient)
        {
            return FileRole.Client;
        }

        if (caller.IsIn(Roles.Admin))
        {
            return FileRole.Admin;
        }

        if (caller.IsIn(Roles.OfficeOperator))
        {
            return IsFileOffice(caller, file) ? FileRole.Operator : NotFileOffice(file);
        }

        return FileRole.Reviewer;
    }

    /// <summary>Files are held by the office that opened them (until a later change lets any licensed office act).</summary>
    public static bool IsFileOffice(Caller caller, UrbanPlanningFile file) =>
        caller.OfficeCode is not null && string.Equals(caller.OfficeCode, file.OfficeCode, StringComparison.OrdinalIgnoreCase);

    public static Problem NotFileOffice(UrbanPlanningFile file) =>
        Problem.Forbidden(DenialReasons.NotFileOffice, $"File {file.FileNumber} is held by another office.");
}
