namespace CityEServices.Archive.Consumers;

/// <summary>The archive's Latin record of a signed construction-waste contract that came with no rendered document (see <see cref="IssuedRecordConsumer{TEvent}"/>).</summary>
public sealed class WasteContractSignedConsumer(ArchiveDbContext db, ContentStore store, DocumentIngest ingest, ILogger<WasteContractSignedConsumer> logger)
    : IssuedRecordConsumer<WasteContractSigned>(db, store, ingest, logger)
{
    protected override IssuedRecord Describe(WasteContractSigned m) => new(m.FileNumber, m.RenovationCode, m.ContractNumber, $"Construction waste contract {m.ContractNumber}",
        [FormattableString.Invariant($"Volume (m3): {m.VolumeM3}"), $"Hauler: {m.Hauler}", $"Disposal site: {m.DisposalSite}"]);
}
