namespace CityEServices.Property.Domain;

public enum PartyType
{
    /// <summary>A natural person, identified by national ID (کد ملی).</summary>
    Person,

    /// <summary>A company or institution, identified by legal-entity ID (شناسه ملی).</summary>
    Organisation,
}

/// <summary>Who holds a share: a person or an organisation, by its validated Iranian identifier.</summary>
/// <remarks>The two identifiers never collide (10 versus 11 digits), so <see cref="Id"/> alone is a unique party key.</remarks>
public readonly record struct Party(PartyType Type, string Id)
{
    public static Party Person(NationalId nationalId) => new(PartyType.Person, nationalId.Value);

    public static Party Organisation(LegalEntityId legalEntityId) => new(PartyType.Organisation, legalEntityId.Value);

    /// <summary>The canonical party ID for any identifier text, or null when it is neither kind of ID.</summary>
    public static Party? TryIdentify(string? identifier) =>
        NationalId.TryParse(identifier, out var nationalId) ? Person(nationalId)
        : LegalEntityId.TryParse(identifier, out var legalEntityId) ? Organisation(legalEntityId)
        : null;

    public override string ToString() => $"{Type} {Id}";
}
