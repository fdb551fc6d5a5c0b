namespace CityEServices.UrbanPlanning.Features.Queues;

/// <summary>One request in a work queue: what it is, where it stands, and how its SLA clock stands.</summary>
public sealed record QueueItem(
    Guid RequestId,
    string FileNumber,
    string RenovationCode,
    int District,
    string OfficeCode,
    string ServiceType,
    RequestStatus Status,
    string? ApplicantNationalId,
    IReadOnlyList<string> MissingDocumentCategories,
    DualTime CreatedAt,
    DualTime? SubmittedAt,
    DualTime? DueAt,
    int? WorkingDaysLeft,
    bool SlaBreached,
    bool ClockPaused,
    string WaitingOn)
{
    public static QueueItem From(ServiceRequest request, UrbanPlanningFile file, Caller caller, DateTimeOffset now)
    {
        var clock = request.Clock;
        return new QueueItem(
            request.Id,
            file.FileNumber,
            file.RenovationCode,
            file.District,
            file.OfficeCode,
            request.ServiceType,
            request.Status,
            caller.Shown(file.ApplicantNationalId),
            request.MissingDocumentCategories,
            DualTime.From(request.CreatedAt),
            request.SubmittedAt is { } submitted ? DualTime.From(submitted) : null,
            clock.DueAt(now) is { } due ? DualTime.From(due) : null,
            clock.WorkingDaysLeft(now),
            clock.IsBreached(now),
            clock.IsPaused,
            WaitingOnOf(request.Status));
    }

    /// <summary>Who the request waits on: the citizen (documents, payment), the office (resubmitting what was returned), or the reviewer.</summary>
    public static string WaitingOnOf(RequestStatus status) => status switch
    {
        RequestStatus.AwaitingDocuments or RequestStatus.FeeAssessed => "Citizen",
        RequestStatus.Returned => "Office",
        RequestStatus.Submitted or RequestStatus.UnderReview or RequestStatus.Paid => "Reviewer",
        _ => "Nobody",
    };
}

/// <summary>A file found by the staff's search, with how many of its requests are open.</summary>
public sealed record FileSearchItem(
    string FileNumber,
    string RenovationCode,
    int District,
    string OfficeCode,
    string? ApplicantNationalId,
    FileStatus Status,
    DualTime OpenedAt,
    IReadOnlyList<RequestStatus> RequestStatuses);
