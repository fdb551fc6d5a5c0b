namespace CityEServices.Property.Consumers;

public sealed class CompletionCertificateIssuedConsumer(CompletionCertificateIssuedInbox inbox, PropertyCache cache)
    : ConstructionConsumer<CompletionCertificateIssued>(inbox, cache);

/// <summary>Records a completion certificate as the property's completed construction (no longer under construction).</summary>
public sealed class CompletionCertificateIssuedInbox(PropertyDbContext db, ILogger<CompletionCertificateIssuedInbox> logger, TimeProvider time)
    : ConstructionInbox<CompletionCertificateIssued>(db, logger, time)
{
    public override string RenovationCodeOf(CompletionCertificateIssued message) => message.RenovationCode;

    protected override void Apply(RealProperty property, CompletionCertificateIssued message, DateTimeOffset now, string actor) =>
        property.RecordCompletion(
            new CompletedConstruction(message.CertificateNumber, message.Floors, message.BuildingAreaM2, message.OccurredAt.ToUniversalTime()),
            now,
            actor);
}
