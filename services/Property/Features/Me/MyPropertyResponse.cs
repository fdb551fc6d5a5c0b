namespace CityEServices.Property.Features.Me;

/// <summary>
/// A property as its owner sees it at home: where it is, what it is, and their own share. The other
/// owners are not listed: a citizen sees nothing of anyone else.
/// </summary>
public sealed record MyPropertyResponse(
    string RenovationCode,
    RegistrationPlate RegistrationPlate,
    int District,
    string Address,
    PostalCode PostalCode,
    decimal LandAreaM2,
    decimal BuildingAreaM2,
    int Floors,
    PropertyUsage Usage,
    Dang MyShareDang,
    string MyShareFraction,
    bool LegalHold);
