namespace CityEServices.Property.Consumers;

public sealed class BuildingPermitIssuedConsumer(BuildingPermitIssuedInbox inbox, PropertyCache cache)
    : ConstructionConsumer<BuildingPermitIssued>(inbox, cache);

/// <summary>Records an issued building permit as the property's permitted construction (and marks it under construction).</summary>
public sealed class BuildingPermitIssuedInbox(PropertyDbContext db, ILogger<BuildingPermitIssuedInbox> logger, TimeProvider time)
    : ConstructionInbox<BuildingPermitIssued>(db, logger, time)
{
    public override string RenovationCodeOf(BuildingPermitIssued message) => message.RenovationCode;

    protected override void Apply(RealProperty property, BuildingPermitIssued message, DateTimeOffset now, string actor) =>
        property.RecordPermit(
            new PermittedConstruction(message.PermitNumber, message.Floors, message.BuildingAreaM2, message.Usage, message.OccurredAt.ToUniversalTime()),
            now,
            actor);
}
