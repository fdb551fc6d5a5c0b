using CityEServices.Archive.Infrastructure.Storage;

namespace CityEServices.Archive.Consumers;

/// <summary>The archive's record of an issued excavation permit.</summary>
public sealed class ExcavationPermitIssuedConsumer(ArchiveDbContext db, ContentStore store, DocumentIngest ingest, ILogger<ExcavationPermitIssuedConsumer> logger)
    : IssuedRecordConsumer<ExcavationPermitIssued>(db, store, ingest, logger)
{
    protected override IssuedRecord Describe(ExcavationPermitIssued m) => new(m.FileNumber, m.RenovationCode, $"Excavation permit {m.PermitNumber}",
        [$"Street: {m.Street}", FormattableString.Invariant($"Length (m): {m.LengthM}, depth (m): {m.DepthM}"), FormattableString.Invariant($"Duration (days): {m.DurationDays}")]);
}
