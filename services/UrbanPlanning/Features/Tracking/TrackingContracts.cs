namespace CityEServices.UrbanPlanning.Features.Tracking;

/// <summary>The citizen's view of their file: no staff names, no personal numbers, dates in UTC and Solar Hijri.</summary>
public sealed record TrackingResponse(string FileNumber, int District, DualTime OpenedAt, IReadOnlyList<TrackingRequestResponse> Requests)
{
    /// <summary>The file's own timeline: taken up by another office (both codes), or its property changed hands.</summary>
    public IReadOnlyList<FileChangeResponse> Changes { get; init; } = [];

    /// <summary>The due dates and breaches as of <paramref name="now"/>: they move with the clock, so they are never cached.</summary>
    public static TrackingResponse From(TrackingSnapshot snapshot, DateTimeOffset now) => new(
        snapshot.FileNumber,
        snapshot.District,
        DualTime.From(snapshot.OpenedAt),
        [.. snapshot.Requests.Select(r =>
        {
            var clock = new SlaClock(r.SlaDays, r.SubmittedAt, r.ReturnedTime, r.ReturnedSince, r.ClosedAt);
            return new TrackingRequestResponse(
                r.RequestId,
                r.ServiceType,
                r.ServiceTitleFa,
                r.Status,
                clock.DueAt(now) is { } due ? DualTime.From(due) : null,
                clock.IsBreached(now),
                [.. r.Timeline.Select(t => new TrackingTimelineEntry(DualTime.From(t.At), t.FromStatus, t.ToStatus, t.Note))]);
        })])
    {
        Changes = [.. snapshot.Changes.Select(c => new FileChangeResponse(DualTime.From(c.At), c.Kind, c.FromOfficeCode, c.ToOfficeCode))],
    };
}

public sealed record TrackingRequestResponse(
    Guid RequestId,
    string ServiceType,
    string ServiceTitleFa,
    RequestStatus Status,
    DualTime? DueAt,
    bool SlaBreached,
    IReadOnlyList<TrackingTimelineEntry> Timeline);

public sealed record TrackingTimelineEntry(DualTime At, RequestStatus? FromStatus, RequestStatus ToStatus, string? Note);

/// <summary>An entry of a file's own timeline; a hand-over names the office that held it and the one that took it up.</summary>
public sealed record FileChangeResponse(DualTime At, FileChangeKind Kind, string? FromOfficeCode, string? ToOfficeCode);
