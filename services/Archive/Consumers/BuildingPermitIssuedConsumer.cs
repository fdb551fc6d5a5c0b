using CityEServices.Archive.Infrastructure.Storage;

namespace CityEServices.Archive.Consumers;

/// <summary>The archive's record of an issued building permit.</summary>
public sealed class BuildingPermitIssuedConsumer(ArchiveDbContext db, ContentStore store, DocumentIngest ingest, ILogger<BuildingPermitIssuedConsumer> logger)
    : IssuedRecordConsumer<BuildingPermitIssued>(db, store, ingest, logger)
{
    protected override IssuedRecord Describe(BuildingPermitIssued m) => new(m.FileNumber, m.RenovationCode, $"Building permit {m.PermitNumber}",
        [FormattableString.Invariant($"Floors: {m.Floors}"), FormattableString.Invariant($"Building area (m2): {m.BuildingAreaM2}"), $"Usage: {m.Usage}"]);
}
