namespace CityEServices.Archive.Features.Holds;

public sealed record PlaceHoldRequest(string? FileNumber, string? RenovationCode, Guid? DocumentId, string? Reason);

public sealed record ReleaseHoldRequest(string? Reason);

/// <summary>A legal hold; <c>placedBy</c> and <c>releasedBy</c> are actor ids (<c>user:…</c>).</summary>
public sealed record HoldResponse(
    Guid HoldId, string? FileNumber, string? RenovationCode, Guid? DocumentId, string Reason, string PlacedBy, DualTime PlacedAt,
    bool Active, string? ReleasedBy, DualTime? ReleasedAt, string? ReleaseReason)
{
    public static HoldResponse From(LegalHold hold) => new(
        hold.Id, hold.FileNumber, hold.RenovationCode, hold.DocumentId, hold.Reason, hold.PlacedBy, DualTime.From(hold.PlacedAt),
        hold.IsActive, hold.ReleasedBy, hold.ReleasedAt is { } at ? DualTime.From(at) : null, hold.ReleaseReason);
}
