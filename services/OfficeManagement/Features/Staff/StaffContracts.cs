namespace CityEServices.OfficeManagement.Features.Staff;

// Request bodies are loosely typed on purpose: the rules, not the JSON reader, decide what is
// wrong, so a client gets one 400 naming each bad field.

/// <summary><c>POST /api/offices/{code}/staff</c>.</summary>
public sealed record AddStaffRequest(string? NationalId, string? FullName, string? Role);

/// <summary>
/// <c>POST /api/staff/{nationalId}/qualifications</c>. An exam needs <see cref="Score"/> and passes on it
/// alone (<see cref="Passed"/> may be left out, and must agree if sent); an interview or training needs
/// <see cref="Passed"/> and may carry a score.
/// </summary>
public sealed record RecordQualificationRequest(string? ServiceType, string? Kind, decimal? Score, bool? Passed);

/// <summary><c>POST /api/staff/{nationalId}/move</c>: the office to move to; the role stays unless given.</summary>
public sealed record MoveStaffRequest(string? OfficeCode, string? Role);

public sealed record StaffResponse(
    NationalId NationalId,
    string FullName,
    StaffRole Role,
    string OfficeCode,
    bool Active,
    DualTime JoinedAt,
    DualTime? DeactivatedAt,
    string? DeactivatedBy = null,
    StaffEndReason? EndReason = null)
{
    public static StaffResponse From(StaffMember staff) => new(
        staff.NationalId,
        staff.FullName,
        staff.Role,
        staff.OfficeCode.Value,
        staff.Active,
        DualTime.From(staff.JoinedAt),
        staff.DeactivatedAt is { } at ? DualTime.From(at) : null,
        staff.DeactivatedBy,
        staff.EndReason);
}

/// <summary>A person's engagements, newest first: where they serve now (if anywhere) and where they served before.</summary>
public sealed record StaffHistoryResponse(NationalId NationalId, string? CurrentOfficeCode, IReadOnlyList<StaffResponse> Engagements);

public sealed record QualificationStepResponse(bool Passed, decimal? Score, DualTime RecordedAt)
{
    public static QualificationStepResponse? From(QualificationStep? step) =>
        step is null ? null : new(step.Passed, Scores.Trim(step.Score), DualTime.From(step.RecordedAt));
}

/// <summary>Where a person stands for one service type; <see cref="Certified"/> stays true after expiry, <see cref="Expired"/> says so.</summary>
public sealed record QualificationStatusResponse(
    NationalId NationalId,
    string ServiceType,
    bool Certified,
    bool Expired,
    DualTime? CertifiedAt,
    DualTime? ExpiresAt,
    QualificationStepResponse? Exam,
    QualificationStepResponse? Interview,
    QualificationStepResponse? Training)
{
    public static QualificationStatusResponse From(NationalId nationalId, QualificationStatus status, DateTimeOffset now) => new(
        nationalId,
        status.ServiceType,
        status.IsCertified,
        status.IsExpiredAt(now),
        status.CertifiedAt is { } certifiedAt ? DualTime.From(certifiedAt) : null,
        status.ExpiresAt is { } expiresAt ? DualTime.From(expiresAt) : null,
        QualificationStepResponse.From(status.Exam),
        QualificationStepResponse.From(status.Interview),
        QualificationStepResponse.From(status.Training));
}

public sealed record QualificationAttemptResponse(
    long Id,
    string ServiceType,
    QualificationKind Kind,
    decimal? Score,
    bool Passed,
    decimal? PassMark,
    DualTime RecordedAt,
    string RecordedBy)
{
    public static QualificationAttemptResponse From(QualificationAttempt attempt) => new(
        attempt.Id,
        attempt.ServiceType,
        attempt.Kind,
        Scores.Trim(attempt.Score),
        attempt.Passed,
        Scores.Trim(attempt.PassMark),
        DualTime.From(attempt.RecordedAt),
        attempt.RecordedBy);
}

/// <summary>Answer to recording an attempt: the attempt, and the status for its service type now.</summary>
public sealed record QualificationRecordedResponse(QualificationAttemptResponse Attempt, QualificationStatusResponse Status);

public sealed record StaffQualificationsResponse(
    NationalId NationalId,
    IReadOnlyList<QualificationStatusResponse> Statuses,
    IReadOnlyList<QualificationAttemptResponse> Attempts);

internal static class Scores
{
    /// <summary>85.50 read back from numeric(5,2) and 85.5 as sent are one score; answer the same both times.</summary>
    public static decimal? Trim(decimal? value) => value / 1.0000000000000000000000000000m;
}
