namespace CityEServices.Archive.Consumers;

/// <summary>The archive's Latin record of an issued building permit that came with no rendered document (see <see cref="IssuedRecordConsumer{TEvent}"/>).</summary>
public sealed class BuildingPermitIssuedConsumer(ArchiveDbContext db, ContentStore store, DocumentIngest ingest, ILogger<BuildingPermitIssuedConsumer> logger)
    : IssuedRecordConsumer<BuildingPermitIssued>(db, store, ingest, logger)
{
    protected override IssuedRecord Describe(BuildingPermitIssued m) => new(m.FileNumber, m.RenovationCode, m.PermitNumber, $"Building permit {m.PermitNumber}",
        [FormattableString.Invariant($"Floors: {m.Floors}"), FormattableString.Invariant($"Building area (m2): {m.BuildingAreaM2}"), $"Usage: {m.Usage}"]);
}
