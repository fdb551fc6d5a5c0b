using CityEServices.Archive.Domain;
using CityEServices.Iran;

namespace CityEServices.Archive.Features.Fixity;

public sealed record FixityCheckRequest(string? FileNumber);

public sealed record FixityFindingResponse(Guid DocumentId, FixityProblem Problem, string ExpectedSha256, string? ActualSha256);

/// <summary>One fixity run; <c>requestedBy</c> is the archivist's actor id, or <c>system:archive</c> for a scheduled run.</summary>
public sealed record FixityCheckResponse(
    Guid CheckId, FixityTrigger Trigger, string? FileNumber, string? RequestedBy, DualTime StartedAt, DualTime FinishedAt,
    int DocumentsChecked, bool Intact, IReadOnlyList<FixityFindingResponse> Findings)
{
    public static FixityCheckResponse From(FixityCheck c) => new(
        c.Id, c.Trigger, c.FileNumber, c.RequestedBy, DualTime.From(c.StartedAt), DualTime.From(c.FinishedAt), c.DocumentsChecked, c.Findings.Count == 0,
        [.. c.Findings.OrderBy(f => f.DocumentId).Select(f => new FixityFindingResponse(f.DocumentId, f.Problem, f.ExpectedSha256, f.ActualSha256))]);
}
