namespace CityEServices.UrbanPlanning.Features.Me;

/// <summary>One of the signed-in citizen's files, with its requests in brief.</summary>
public sealed record MyFileResponse(
    string FileNumber,
    string TrackingCode,
    string RenovationCode,
    int District,
    FileStatus Status,
    DualTime OpenedAt,
    IReadOnlyList<MyRequestSummary> Requests);

public sealed record MyRequestSummary(Guid RequestId, string ServiceType, string ServiceTitleFa, RequestStatus Status);

/// <summary>A request of the citizen's file: where it stands, what is still missing, and its timeline (no staff names).</summary>
public sealed record MyRequestResponse(
    Guid RequestId,
    string FileNumber,
    string ServiceType,
    string ServiceTitleFa,
    RequestStatus Status,
    IReadOnlyList<string> MissingDocumentCategories,
    decimal? FeeRial,
    string? IssuedNumber,
    DualTime CreatedAt,
    DualTime? SubmittedAt,
    DualTime? DueAt,
    bool SlaBreached,
    IReadOnlyList<MyTimelineEntry> Timeline)
{
    /// <summary>The staff view less what a citizen is not shown: the rules version, the details, who acted and their reason code.</summary>
    public static MyRequestResponse From(RequestResponse full) => new(
        full.RequestId, full.FileNumber, full.ServiceType, full.ServiceTitleFa, full.Status, full.MissingDocumentCategories, full.FeeRial,
        full.IssuedNumber, full.CreatedAt, full.SubmittedAt, full.DueAt, full.SlaBreached,
        [.. full.History.Select(t => new MyTimelineEntry(t.At, t.FromStatus, t.ToStatus, t.Note))]);
}

public sealed record MyTimelineEntry(DualTime At, RequestStatus? FromStatus, RequestStatus ToStatus, string? Note);
