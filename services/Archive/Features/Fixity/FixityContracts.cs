namespace CityEServices.Archive.Features.Fixity;

public sealed record FixityCheckRequest(string? FileNumber);

/// <summary>The answer to a request: the run recorded, to be polled at <c>Location</c>.</summary>
public sealed record FixityRunAccepted(Guid RunId, FixityRunStatus Status);

public sealed record FixityFindingResponse(Guid DocumentId, FixityProblem Problem, string ExpectedSha256, string? ActualSha256);

/// <summary>
/// One fixity run and how far it has got; <c>requestedBy</c> is the archivist's actor id, or
/// <c>system:archive</c> for a scheduled run. <c>intact</c> is known once the run has completed.
/// </summary>
public sealed record FixityCheckResponse(
    Guid RunId,
    FixityRunStatus Status,
    FixityTrigger Trigger,
    string? FileNumber,
    string? RequestedBy,
    DualTime RequestedAt,
    DualTime? StartedAt,
    DualTime? FinishedAt,
    int DocumentsTotal,
    int DocumentsChecked,
    int Mismatches,
    int Missing,
    bool? Intact,
    IReadOnlyList<FixityFindingResponse> Findings)
{
    public static FixityCheckResponse From(FixityCheck c) => new(
        c.Id,
        c.Status,
        c.Trigger,
        c.FileNumber,
        c.RequestedBy,
        DualTime.From(c.RequestedAt),
        c.StartedAt is { } started ? DualTime.From(started) : null,
        c.FinishedAt is { } finished ? DualTime.From(finished) : null,
        c.DocumentsTotal,
        c.DocumentsChecked,
        c.Findings.Count(f => f.Problem == FixityProblem.Mismatch),
        c.Findings.Count(f => f.Problem == FixityProblem.Missing),
        c.Status == FixityRunStatus.Completed ? c.Findings.Count == 0 : null,
        [.. c.Findings.OrderBy(f => f.DocumentId).Select(f => new FixityFindingResponse(f.DocumentId, f.Problem, f.ExpectedSha256, f.ActualSha256))]);
}
