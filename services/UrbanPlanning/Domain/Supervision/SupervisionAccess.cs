namespace CityEServices.UrbanPlanning.Domain.Supervision;

/// <summary>
/// Who may act on a file's supervision, from the token alone: as whom, or the 403. The by-law's part
/// (the reviewer's district; the operator's office licensed and the operator certified for
/// <see cref="OperatorServiceType"/>) follows in the use case.
/// </summary>
public static class SupervisionAccess
{
    /// <summary>
    /// What an office must be licensed for, and its operator certified in, to file a supervising
    /// engineer's stage reports: supervising-engineer affairs (مهندس ناظر), a service of its own.
    /// </summary>
    public const string OperatorServiceType = ServiceTypes.SupervisingEngineer;

    /// <summary>The district's reviewer assigns the supervising engineer.</summary>
    public static Outcome<FileRole> CanAssign(Caller caller)
    {
        if (caller.IsIn(Roles.DistrictReviewer))
        {
            return FileRole.Reviewer;
        }

        return Problem.Forbidden(DenialReasons.RoleNotAllowed, "Only a reviewer of the file's district may assign its supervising engineer.");
    }

    /// <summary>Stage reports are filed by the district's reviewer or at the file's office.</summary>
    public static Outcome<FileRole> CanFileReport(Caller caller, UrbanPlanningFile file)
    {
        if (caller.IsIn(Roles.DistrictReviewer))
        {
            return FileRole.Reviewer;
        }

        if (caller.IsIn(Roles.OfficeOperator))
        {
            return FileAccessRules.IsFileOffice(caller, file) ? FileRole.Operator : FileAccessRules.NotFileOffice(file);
        }

        return Problem.Forbidden(DenialReasons.RoleNotAllowed, "Only the district's reviewer or an operator of the file's office may file supervisor reports.");
    }
}
