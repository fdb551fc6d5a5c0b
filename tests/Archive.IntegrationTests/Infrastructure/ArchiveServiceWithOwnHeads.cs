namespace CityEServices.Archive.IntegrationTests.Infrastructure;

/// <summary>The archive with its real copy of chain heads (its audit_heads table), not the fixtures' stub.</summary>
public sealed class ArchiveServiceWithOwnHeads(ServerFixture servers) : ArchiveService(servers)
{
    protected override bool AnswersArchivedHeads => false;
}
