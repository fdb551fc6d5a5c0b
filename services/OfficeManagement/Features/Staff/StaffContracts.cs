using CityEServices.Iran;
using CityEServices.OfficeManagement.Domain;

namespace CityEServices.OfficeManagement.Api;

public sealed record OfficeResponse(
    string Code,
    string Name,
    int District,
    string Address,
    OfficeStatus Status,
    DualTime CreatedAt,
    IReadOnlyList<LicenceResponse> Licences,
    IReadOnlyList<StaffResponse> Staff,
    IReadOnlyList<StatusChangeResponse> StatusHistory)
{
    public static OfficeResponse From(Office office, IEnumerable<StaffMember> staff, IEnumerable<OfficeStatusChange> history) => new(
        office.Code.Value,
        office.Name,
        office.District,
        office.Address,
        office.Status,
        DualTime.From(office.CreatedAt),
        [.. office.Licences.OrderBy(l => l.GrantedAt).Select(LicenceResponse.From)],
        [.. staff.OrderByDescending(s => s.Active).ThenBy(s => s.JoinedAt).Select(StaffResponse.From)],
        [.. history.OrderBy(c => c.ChangedAt).Select(StatusChangeResponse.From)]);
}

/// <summary>One line of an office list.</summary>
public sealed record OfficeSummaryResponse(string Code, string Name, int District, string Address, OfficeStatus Status, IReadOnlyList<string> LicensedServiceTypes, int ActiveStaff);

public sealed record StatusChangeResponse(OfficeStatus FromStatus, OfficeStatus ToStatus, DualTime ChangedAt, string ChangedBy, string? Note)
{
    public static StatusChangeResponse From(OfficeStatusChange change) =>
        new(change.FromStatus, change.ToStatus, DualTime.From(change.ChangedAt), change.ChangedBy, change.Note);
}

/// <summary>The authorisation answer as AuthorizeService gives it (reason empty when allowed).</summary>
public sealed record AuthorizationDecisionResponse(string OfficeCode, string OperatorNationalId, string ServiceType, bool Allowed, string? Reason, string Detail);

/// <summary>A licence, current (<see cref="Active"/>) or revoked.</summary>
public sealed record LicenceResponse(string ServiceType, bool Active, DualTime GrantedAt, string GrantedBy, DualTime? RevokedAt, string? RevokedBy)
{
    public static LicenceResponse From(Licence licence) => new(
        licence.ServiceType,
        licence.IsActive,
        DualTime.From(licence.GrantedAt),
        licence.GrantedBy,
        licence.RevokedAt is { } revoked ? DualTime.From(revoked) : null,
        licence.RevokedBy);
}

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
