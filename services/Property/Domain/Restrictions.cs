namespace CityEServices.Property.Domain;

/// <summary>What currently limits dealings with a property.</summary>
/// <param name="LegalHold">A court or registry hold (توقیف): no transfer while it stands.</param>
/// <param name="UnderConstruction">Building work under a permit is in progress.</param>
public sealed record Restrictions(bool LegalHold, bool UnderConstruction)
{
    public static Restrictions None { get; } = new(false, false);
}
