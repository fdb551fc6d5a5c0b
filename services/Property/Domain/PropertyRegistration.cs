namespace CityEServices.Property.Domain;

/// <summary>A registration whose every field has been parsed and checked: the aggregate only ever sees these.</summary>
public sealed record PropertyRegistration(
    RenovationCode RenovationCode,
    RegistrationPlate RegistrationPlate,
    string Address,
    PostalCode PostalCode,
    decimal LandAreaM2,
    decimal BuildingAreaM2,
    int Floors,
    PropertyUsage Usage,
    Restrictions Restrictions,
    IReadOnlyList<NewOwner> Owners)
{
    public int District => RenovationCode.District;
}

public sealed record NewOwner(Party Party, string FullName, Dang Share);
