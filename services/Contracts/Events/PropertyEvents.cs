namespace CityEServices.Contracts.Events;

public sealed record PropertyRegistered(
    string RenovationCode,
    int District,
    IReadOnlyList<OwnerShare> Owners) : IntegrationEvent;

public sealed record OwnershipTransferred(
    string RenovationCode,
    string FromNationalId,
    string ToNationalId,
    string ShareDang) : IntegrationEvent
{
    /// <summary>
    /// Every owner once the transfer is done (a seller who kept part of their share stays): what a
    /// consumer needs to know who holds the property now without asking the registry.
    /// </summary>
    public IReadOnlyList<OwnerShare>? OwnersAfter { get; init; }
}

/// <summary>A share of six dang as an exact fraction in text form ("5/2"), never a float.</summary>
public sealed record OwnerShare(string PartyId, string ShareDang);
