namespace CityEServices.OfficeManagement.Domain;

/// <summary>
/// The configurable rules of certification, bound from the <c>OfficeManagement</c> configuration section
/// (<c>OfficeManagement:ExamPassMark</c>, <c>OfficeManagement:CertificationValidity</c>), and which service
/// types the catalog has switched off (<c>OfficeManagement:InactiveServiceTypes</c>).
/// </summary>
public sealed class CertificationPolicy
{
    public const string SectionName = "OfficeManagement";

    /// <summary>Lowest exam score (0–100) that passes.</summary>
    public decimal ExamPassMark { get; set; } = 70m;

    /// <summary>How long a certification lasts from the moment it was completed; two years (730 days) by default.</summary>
    public TimeSpan CertificationValidity { get; set; } = TimeSpan.FromDays(730);

    /// <summary>
    /// Codes the city has stopped offering at counters: the catalog lists them as inactive and
    /// authorisation answers ServiceTypeInactive for them. Licences and qualifications stay recorded.
    /// </summary>
    public string[] InactiveServiceTypes { get; set; } = [];

    public bool IsActive(string serviceType) =>
        ServiceTypes.IsKnown(serviceType) && !InactiveServiceTypes.Contains(serviceType, StringComparer.Ordinal);

    public IEnumerable<string> Problems()
    {
        foreach (var code in InactiveServiceTypes.Where(c => !ServiceTypes.IsKnown(c)))
        {
            yield return $"{SectionName}:InactiveServiceTypes names '{code}', which is not a service type.";
        }

        if (ExamPassMark is < 0 or > QualificationAttempt.MaxScore)
        {
            yield return $"{SectionName}:ExamPassMark must be 0 to {QualificationAttempt.MaxScore}; got {ExamPassMark}.";
        }

        if (CertificationValidity <= TimeSpan.Zero)
        {
            yield return $"{SectionName}:CertificationValidity must be positive; got {CertificationValidity}.";
        }
    }
}
