namespace CityEServices.UrbanPlanning.Domain;

/// <summary>
/// The <c>reason</c> codes of the 403s this service gives itself (clients branch on them, so they never
/// change); refusals by office management pass its own reasons through, and a reviewer of another
/// district is refused by the shared check with <c>WrongDistrict</c>.
/// </summary>
public static class DenialReasons
{
    public const string RoleNotAllowed = "RoleNotAllowed";
    public const string OperatorNotAtOffice = "OperatorNotAtOffice";
    public const string OperatorIdentityMissing = "OperatorIdentityMissing";
    public const string ApplicantNotOwner = "ApplicantNotOwner";
    public const string NotFileOffice = "NotFileOffice";
}
