using CityEServices.Contracts.Grpc.Archive;

namespace CityEServices.UrbanPlanning.Clients;

/// <summary>The archive, as this service asks it: which document categories does it already hold for a file?</summary>
public sealed class ArchiveCatalogClient(ArchiveCatalog.ArchiveCatalogClient archive, ServiceCalls calls)
{
    public const string Service = "archive";

    /// <summary>The categories archived under the file's number or its property's renovation code, or the 503.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> HeldCategoriesAsync(UrbanPlanningFile file, CancellationToken cancellationToken)
    {
        var summary = await calls.AskAsync(
            Service,
            ct => archive.GetDossierSummaryAsync(new GetDossierSummaryRequest { FileNumber = file.FileNumber, RenovationCode = file.RenovationCode }, cancellationToken: ct),
            cancellationToken);
        return summary.Then<IReadOnlyList<string>>(reply => [.. reply.Categories]);
    }
}
