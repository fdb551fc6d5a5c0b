using CityEServices.UrbanPlanning.Domain.Requests;

namespace CityEServices.UrbanPlanning.Domain.Supervision;

/// <summary>Who may act on a file's supervision: null when allowed, else the 403.</summary>
public static class SupervisionAccess
{
    /// <summary>The district's reviewer assigns the supervising engineer.</summary>
    public static Problem? CanAssign(Caller caller, UrbanPlanningFile file) => Check(caller, file, allowOperator: false);

    /// <summary>Stage reports are filed by the district's reviewer or at the file's office.</summary>
    public static Problem? CanFileReport(Caller caller, UrbanPlanningFile file) => Check(caller, file, allowOperator: true);

    private static Problem? Check(Caller caller, UrbanPlanningFile file, bool allowOperator)
    {
        var capacity = RequestWorkflow.CapacityOf(caller, file.OfficeCode, file.District);
        if (capacity.HasFlag(Capacity.FileReviewer) || (allowOperator && capacity.HasFlag(Capacity.FileOperator)))
        {
            return null;
        }

        return capacity.HasFlag(Capacity.ForeignReviewer)
            ? Problem.Forbidden(DenialReasons.NotFileDistrict, $"File {file.FileNumber} belongs to district {file.District}.")
            : Problem.Forbidden(DenialReasons.RoleNotAllowed, allowOperator
                ? "Only the district's reviewer or an operator of the file's office may file supervisor reports."
                : "Only a reviewer of the file's district may assign its supervising engineer.");
    }
}
