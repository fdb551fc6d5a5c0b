using CityEServices.Contracts.Grpc.Archive;
using Grpc.Core;

namespace CityEServices.Web.Audit;

/// <summary>The archive's heads through its gRPC catalog, asked with the verifying admin's own token.</summary>
public sealed partial class ArchiveChainHeads(ArchiveCatalog.ArchiveCatalogClient archive, ILogger<ArchiveChainHeads> logger) : IArchivedHeads
{
    public async Task<IReadOnlyList<ArchivedHead>?> GetAsync(string service, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await archive.GetChainHeadsAsync(new GetChainHeadsRequest { Service = service }, cancellationToken: cancellationToken);
            return [.. reply.Heads.Select(h => new ArchivedHead(h.Trail, h.Sequence, h.Hash, DateTimeOffset.FromUnixTimeMilliseconds(h.PublishedAtUnixMs)))];
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The chain's own check still answers; the comparison says it could not be made.
            LogUnavailable(logger, e.StatusCode, e.Status.Detail);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The archive's audit chain heads could not be read ({Code}: {Detail}); verification answers without them")]
    private static partial void LogUnavailable(ILogger logger, StatusCode code, string detail);
}
