namespace CityEServices.Contracts.Events;

public sealed record PropertyRegistered(
    string RenovationCode,
    int District,
    IReadOnlyList<OwnerShare> Owners) : IntegrationEvent;

public sealed record OwnershipTransferred(
    string RenovationCode,
    string FromNationalId,
    string ToNationalId,
    string ShareDang) : IntegrationEvent;

/// <summary>A share of six dang as an exact fraction in text form ("5/2"), never a float.</summary>
public sealed record OwnerShare(string PartyId, string ShareDang);
