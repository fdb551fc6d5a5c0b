namespace CityEServices.OfficeManagement.Domain;

/// <summary>
/// One sitting of an exam or interview, or one training course, for one service type. Every attempt is
/// kept, failed ones included; certification is derived from them, never stored on its own.
/// </summary>
public sealed class QualificationAttempt
{
    public const decimal MaxScore = 100m;

    private QualificationAttempt()
    {
    }

    /// <summary>Database sequence: the order attempts were recorded in, which breaks ties between equal timestamps.</summary>
    public long Id { get; private set; }

    public NationalId NationalId { get; private set; }

    public string ServiceType { get; private set; } = string.Empty;

    public QualificationKind Kind { get; private set; }

    /// <summary>0–100; required for an exam, optional otherwise.</summary>
    public decimal? Score { get; private set; }

    public bool Passed { get; private set; }

    /// <summary>The exam pass mark in force when the exam was recorded, so the verdict can be explained later.</summary>
    public decimal? PassMark { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    /// <summary>An exam passes on its score alone: at or above the pass mark.</summary>
    public static bool ExamPasses(decimal score, decimal passMark) => score >= passMark;

    public static QualificationAttempt Exam(NationalId nationalId, string serviceType, decimal score, decimal passMark, DateTimeOffset at, string by) =>
        new()
        {
            NationalId = nationalId,
            ServiceType = serviceType,
            Kind = QualificationKind.Exam,
            Score = score,
            Passed = ExamPasses(score, passMark),
            PassMark = passMark,
            RecordedAt = at,
            RecordedBy = by,
        };

    /// <summary>An interview or a training course, whose outcome is the examiner's verdict.</summary>
    public static QualificationAttempt Assessed(NationalId nationalId, string serviceType, QualificationKind kind, bool passed, decimal? score, DateTimeOffset at, string by)
    {
        if (kind == QualificationKind.Exam)
        {
            throw new ArgumentException("An exam is passed by its score: use Exam().", nameof(kind));
        }

        return new()
        {
            NationalId = nationalId,
            ServiceType = serviceType,
            Kind = kind,
            Score = score,
            Passed = passed,
            RecordedAt = at,
            RecordedBy = by,
        };
    }
}
