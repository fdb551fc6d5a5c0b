using System.Globalization;
using CityEServices.Iran;
using CityEServices.Property.Domain;
using CityEServices.Property.Features.Properties;

namespace CityEServices.Property.Tests;

public class RealPropertyTests
{
    private static readonly DateTimeOffset RegisteredAt = new(2025, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static PropertyRegistration Registration(params NewOwner[] owners) => new(
        RenovationCode.Parse("6-12-104-7-0-0-0"),
        new RegistrationPlate(7, 45, 0),
        "تهران",
        PostalCode.Parse("1433654321"),
        100m,
        0m,
        0,
        PropertyUsage.Residential,
        Restrictions.None,
        owners);

    [Fact]
    public void Registration_opens_a_current_holding_per_owner_from_the_registration_instant()
    {
        var property = RealProperty.Register(
            Registration(
                new NewOwner(Party.Person(NationalId.Parse("0076229645")), "علي", new Dang(5, 2)),
                new NewOwner(Party.Organisation(LegalEntityId.Parse("10380284790")), "شرکت", new Dang(7, 2))),
            RegisteredAt,
            "user:registrar-1");

        Assert.Equal(6, property.District);
        Assert.Equal(2, property.CurrentOwners.Count());
        Assert.All(property.Owners, o => Assert.Equal((RegisteredAt, (DateTimeOffset?)null), (o.ValidFrom, o.ValidTo)));
        Assert.Equal("علی", property.Owners[0].FullName);
        Assert.Equal((5L, 2L), (property.Owners[0].ShareNumerator, property.Owners[0].ShareDenominator));
        Assert.Empty(property.OwnersAsOf(RegisteredAt.AddTicks(-1)));
        Assert.Equal(2, property.OwnersAsOf(RegisteredAt).Count());
    }

    [Fact]
    public void Registration_refuses_shares_that_are_not_the_whole_property()
    {
        var owner = new NewOwner(Party.Person(NationalId.Parse("0076229645")), "علی", new Dang(5, 1));

        Assert.Throws<InvalidOperationException>(() => RealProperty.Register(Registration(owner), RegisteredAt, "user:registrar-1"));
    }

    [Fact]
    public void Registration_refuses_the_same_party_twice()
    {
        var owner = new NewOwner(Party.Person(NationalId.Parse("0076229645")), "علی", new Dang(3, 1));

        Assert.Throws<InvalidOperationException>(() => RealProperty.Register(Registration(owner, owner), RegisteredAt, "user:registrar-1"));
    }

    [Fact]
    public void Responses_list_current_owners_largest_first_with_areas_as_sent()
    {
        var registration = Registration(
            new NewOwner(Party.Person(NationalId.Parse("1583250689")), "سارا", new Dang(1, 3)),
            new NewOwner(Party.Person(NationalId.Parse("0076229645")), "علی", new Dang(17, 6)),
            new NewOwner(Party.Organisation(LegalEntityId.Parse("10380284790")), "شرکت", new Dang(17, 6))) with
        {
            LandAreaM2 = 250.50m,
            BuildingAreaM2 = 600.00m,
        };

        var response = PropertyResponse.From(RealProperty.Register(registration, RegisteredAt, "user:registrar-1"));

        Assert.Equal(["0076229645", "10380284790", "1583250689"], response.Owners.Select(o => o.PartyId));
        Assert.Equal(("250.5", "600"), (response.LandAreaM2.ToString(CultureInfo.InvariantCulture), response.BuildingAreaM2.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(("1/3", "1/3"), (response.Owners[2].ShareFraction, response.Owners[2].ShareDang.ToString()));
    }

    [Theory]
    [InlineData("0076229645", PartyType.Person)]
    [InlineData("76229645", PartyType.Person)]
    [InlineData("10380284790", PartyType.Organisation)]
    [InlineData("0076229646", null)]
    [InlineData("", null)]
    public void A_party_is_identified_from_either_kind_of_id(string identifier, PartyType? expected)
    {
        Assert.Equal(expected, Party.TryIdentify(identifier)?.Type);
    }
}
