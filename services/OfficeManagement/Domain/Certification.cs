namespace CityEServices.OfficeManagement.Domain;

/// <summary>The latest attempt of one kind, as certification sees it.</summary>
public sealed record QualificationStep(QualificationKind Kind, bool Passed, decimal? Score, DateTimeOffset RecordedAt);

/// <summary>
/// Where a person stands for one service type. Certified when the LATEST exam, interview and training
/// have each passed; certified from the moment the last of those three was recorded; valid for the
/// configured period from then.
/// </summary>
public sealed record QualificationStatus(
    string ServiceType,
    QualificationStep? Exam,
    QualificationStep? Interview,
    QualificationStep? Training,
    DateTimeOffset? CertifiedAt,
    DateTimeOffset? ExpiresAt,
    QualificationAttempt? CompletedBy)
{
    public bool IsCertified => CertifiedAt is not null;

    public bool IsExpiredAt(DateTimeOffset now) => IsCertified && now >= ExpiresAt;

    public bool IsValidAt(DateTimeOffset now) => IsCertified && now < ExpiresAt;
}

public static class Certification
{
    /// <summary>
    /// Derives the status for <paramref name="serviceType"/> from a person's attempts. Attempts are
    /// taken in time order; equal times keep the order given (the order they were recorded), so a
    /// retake recorded in the same instant still counts as the later one.
    /// </summary>
    public static QualificationStatus Derive(string serviceType, IEnumerable<QualificationAttempt> attempts, TimeSpan validity)
    {
        QualificationAttempt? exam = null, interview = null, training = null;
        foreach (var attempt in attempts.Where(a => a.ServiceType == serviceType).OrderBy(a => a.RecordedAt))
        {
            switch (attempt.Kind)
            {
                case QualificationKind.Exam:
                    exam = attempt;
                    break;
                case QualificationKind.Interview:
                    interview = attempt;
                    break;
                case QualificationKind.Training:
                    training = attempt;
                    break;
            }
        }

        QualificationAttempt? completedBy = null;
        if (exam is { Passed: true } && interview is { Passed: true } && training is { Passed: true })
        {
            completedBy = new[] { exam, interview, training }.MaxBy(a => a.RecordedAt);
        }

        var certifiedAt = completedBy?.RecordedAt;
        return new QualificationStatus(
            serviceType,
            Step(exam),
            Step(interview),
            Step(training),
            certifiedAt,
            certifiedAt + validity,
            completedBy);
    }

    private static QualificationStep? Step(QualificationAttempt? attempt) =>
        attempt is null ? null : new(attempt.Kind, attempt.Passed, attempt.Score, attempt.RecordedAt);
}
