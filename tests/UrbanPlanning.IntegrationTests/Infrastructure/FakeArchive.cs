using System.Collections.Concurrent;
using CityEServices.Contracts.Grpc.Archive;
using Grpc.Core;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>What the archive holds: categories per file number or renovation code, as a test put them.</summary>
public sealed class FakeArchive
{
    private readonly ConcurrentDictionary<string, string[]> _held = new(StringComparer.Ordinal);

    public ConcurrentQueue<GetDossierSummaryRequest> Calls { get; } = new();

    /// <summary>The archive holds these categories for this file number or renovation code.</summary>
    public void Hold(string fileNumberOrRenovationCode, params string[] categories) => _held[fileNumberOrRenovationCode] = categories;

    internal DossierSummaryReply Summary(GetDossierSummaryRequest request)
    {
        Calls.Enqueue(request);
        var reply = new DossierSummaryReply { DossierExists = true };
        var categories = new[] { request.FileNumber, request.RenovationCode }
            .SelectMany(k => _held.TryGetValue(k, out var held) ? held : [])
            .Distinct(StringComparer.Ordinal);
        reply.Categories.AddRange(categories);
        return reply;
    }
}

public sealed class FakeArchiveCatalogService(FakeArchive archive) : ArchiveCatalog.ArchiveCatalogBase
{
    public override Task<DossierSummaryReply> GetDossierSummary(GetDossierSummaryRequest request, ServerCallContext context) =>
        Task.FromResult(archive.Summary(request));
}
