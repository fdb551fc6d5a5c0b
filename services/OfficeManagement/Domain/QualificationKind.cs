namespace CityEServices.OfficeManagement.Domain;

/// <summary>The three steps that admit a staff member to a service type.</summary>
public enum QualificationKind
{
    /// <summary>Written exam, passed by a score at or above the pass mark.</summary>
    Exam,
    Interview,

    /// <summary>The training course; "passed" means completed.</summary>
    Training,
}
