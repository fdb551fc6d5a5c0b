namespace CityEServices.OfficeManagement.Domain;

/// <summary>
/// The configurable rules of certification, bound from the <c>OfficeManagement</c> configuration section
/// (<c>OfficeManagement:ExamPassMark</c>, <c>OfficeManagement:CertificationValidity</c>).
/// </summary>
public sealed class CertificationPolicy
{
    public const string SectionName = "OfficeManagement";

    /// <summary>Lowest exam score (0–100) that passes.</summary>
    public decimal ExamPassMark { get; set; } = 70m;

    /// <summary>How long a certification lasts from the moment it was completed; two years (730 days) by default.</summary>
    public TimeSpan CertificationValidity { get; set; } = TimeSpan.FromDays(730);

    public IEnumerable<string> Problems()
    {
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
