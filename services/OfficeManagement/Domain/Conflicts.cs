namespace CityEServices.OfficeManagement.Domain;

/// <summary>The <c>reason</c> codes of this service's 409 answers: what about the current state refused the change.</summary>
public static class Conflicts
{
    /// <summary>An office with the code exists already.</summary>
    public const string OfficeExists = "OfficeExists";

    /// <summary>The office is closed: no status change, licence or new staff any more.</summary>
    public const string OfficeClosed = "OfficeClosed";

    /// <summary>The office already has the status asked for.</summary>
    public const string StatusUnchanged = "StatusUnchanged";

    /// <summary>The office already holds an unrevoked licence for the service type.</summary>
    public const string AlreadyLicensed = "AlreadyLicensed";

    /// <summary>The office holds no unrevoked licence for the service type, so there is nothing to revoke.</summary>
    public const string NoActiveLicence = "NoActiveLicence";

    /// <summary>The person is active staff at an office already (move or deactivate them first).</summary>
    public const string StaffAlreadyActive = "StaffAlreadyActive";

    /// <summary>The person is not active at any office, so there is nothing to move or end.</summary>
    public const string StaffNotActive = "StaffNotActive";

    /// <summary>The person already serves at the office they would be moved to.</summary>
    public const string AlreadyAtOffice = "AlreadyAtOffice";

    /// <summary>Someone else changed the same record at the same moment; read it again.</summary>
    public const string ConcurrentChange = "ConcurrentChange";
}
