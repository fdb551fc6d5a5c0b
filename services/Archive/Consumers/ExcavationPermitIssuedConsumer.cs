namespace CityEServices.Archive.Consumers;

/// <summary>The archive's Latin record of an issued excavation permit that came with no rendered document (see <see cref="IssuedRecordConsumer{TEvent}"/>).</summary>
public sealed class ExcavationPermitIssuedConsumer(ArchiveDbContext db, ContentStore store, DocumentIngest ingest, ILogger<ExcavationPermitIssuedConsumer> logger)
    : IssuedRecordConsumer<ExcavationPermitIssued>(db, store, ingest, logger)
{
    protected override IssuedRecord Describe(ExcavationPermitIssued m) => new(m.FileNumber, m.RenovationCode, m.PermitNumber, $"Excavation permit {m.PermitNumber}",
        [$"Street: {m.Street}", FormattableString.Invariant($"Length (m): {m.LengthM}, depth (m): {m.DepthM}"), FormattableString.Invariant($"Duration (days): {m.DurationDays}")]);
}
