using CityEServices.Contracts.Grpc.Archive;
using Grpc.Core;

namespace CityEServices.Archive.Grpc;

/// <summary>
/// The chain heads other services published (for their <c>audit/verify</c>, asked with an admin's token),
/// and what urban planning asks before it creates a service request: does the file's dossier exist, and
/// which document categories are already archived for this file or for this property (a deed
/// archived for an earlier file of the property still counts, so the citizen is not asked twice).
/// </summary>
public sealed class ArchiveCatalogService(ArchiveDbContext db, IArchivedHeads archivedHeads) : ArchiveCatalog.ArchiveCatalogBase
{
    public override async Task<DossierSummaryReply> GetDossierSummary(GetDossierSummaryRequest request, ServerCallContext context)
    {
        var fileNumber = string.IsNullOrWhiteSpace(request.FileNumber) ? null : FileNumbers.Normalize(request.FileNumber)
            ?? throw new RpcException(new Status(StatusCode.InvalidArgument, $"'{request.FileNumber}' is not a file number."));
        // Canonical, as property and urban planning store it, so "04-…" finds what was archived as "4-…".
        var renovationCode = string.IsNullOrWhiteSpace(request.RenovationCode) ? null
            : RenovationCode.TryParse(request.RenovationCode, out var code) ? code.Value
            : throw new RpcException(new Status(StatusCode.InvalidArgument, $"'{request.RenovationCode}' is not a renovation code."));
        if (fileNumber is null && renovationCode is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "A file number or a renovation code is required."));
        }

        var ct = context.CancellationToken;
        var exists = fileNumber is not null && await db.Dossiers.AnyAsync(d => d.FileNumber == fileNumber, ct);
        // A disposed document is no longer held: its record stays, its content does not.
        var categories = await db.Documents
            .Where(d => d.DisposedAt == null)
            .Where(d => (fileNumber != null && d.FileNumber == fileNumber) || (renovationCode != null && d.RenovationCode == renovationCode))
            .Select(d => d.CategoryCode)
            .Distinct()
            .OrderBy(c => c)
            .ToListAsync(ct);

        var reply = new DossierSummaryReply { DossierExists = exists };
        reply.Categories.AddRange(categories);
        return reply;
    }

    public override async Task<ChainHeadsReply> GetChainHeads(GetChainHeadsRequest request, ServerCallContext context)
    {
        if (!context.GetHttpContext().User.IsInRole(Roles.Admin))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Only an admin reads the audit chain heads."));
        }

        var heads = await archivedHeads.GetAsync(request.Service, context.CancellationToken) ?? [];
        var reply = new ChainHeadsReply();
        reply.Heads.AddRange(heads.Select(h => new ChainHead
        {
            Trail = h.Trail,
            Sequence = h.Sequence,
            Hash = h.Hash,
            PublishedAtUnixMs = h.PublishedAt.ToUnixTimeMilliseconds(),
        }));
        return reply;
    }
}
