namespace CityEServices.Archive.Features.Disposals;

public sealed record DisposeRequest(Guid? DocumentId, string? Reason);

/// <summary>The record of a disposal; <c>disposedBy</c> is the archivist's actor id (<c>user:…</c>).</summary>
public sealed record DisposalResponse(Guid DisposalId, Guid DocumentId, string Sha256, string Category, DualTime RetainedUntil, string Reason, string DisposedBy, DualTime DisposedAt, bool ContentRemoved)
{
    public static DisposalResponse From(Disposal d) =>
        new(d.Id, d.DocumentId, d.Sha256, d.CategoryCode, DualTime.From(d.RetainedUntil), d.Reason, d.DisposedBy, DualTime.From(d.DisposedAt), d.ContentRemoved);
}
