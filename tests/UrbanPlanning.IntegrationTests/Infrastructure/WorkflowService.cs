using CityEServices.Contracts.Events;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>
/// The service, with DocumentArchived published as the archive's relay would
/// (the archive's upload endpoint is another service's work).
/// </summary>
public sealed class WorkflowService(ServerFixture servers) : UrbanPlanningService(servers)
{
    /// <summary>The archive announcing a stored document, as its relay would.</summary>
    public Task ArchiveAsync(string category, string? fileNumber, string? renovationCode, Guid? documentId = null) =>
        PublishAsync(new DocumentArchived(documentId ?? Guid.NewGuid(), category, renovationCode, fileNumber, new string('a', 64), 1024, 1));

    public Task<IReadOnlyList<OutboxRow>> OutboxRowsAsync(string messageTypeSuffix, string fileNumber) =>
        OutboxRowsWhereAsync("message_type LIKE @t AND payload->>'fileNumber' = @f", ("t", $"%{messageTypeSuffix}"), ("f", fileNumber));
}
