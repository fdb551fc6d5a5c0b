namespace CityEServices.Archive.Consumers;

/// <summary>The archive's Latin record of an issued completion certificate that came with no rendered document (see <see cref="IssuedRecordConsumer{TEvent}"/>).</summary>
public sealed class CompletionCertificateIssuedConsumer(ArchiveDbContext db, ContentStore store, DocumentIngest ingest, ILogger<CompletionCertificateIssuedConsumer> logger)
    : IssuedRecordConsumer<CompletionCertificateIssued>(db, store, ingest, logger)
{
    protected override IssuedRecord Describe(CompletionCertificateIssued m) => new(m.FileNumber, m.RenovationCode, m.CertificateNumber, $"Completion certificate {m.CertificateNumber}",
        [FormattableString.Invariant($"Floors: {m.Floors}"), FormattableString.Invariant($"Building area (m2): {m.BuildingAreaM2}")]);
}
