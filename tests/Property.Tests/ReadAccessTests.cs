using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.Property.Domain;
using CityEServices.Property.Features.Properties;
using CityEServices.Web.Callers;

namespace CityEServices.Property.Tests;

/// <summary>What each caller may see of the owners, and where a reviewer's search is confined: pure rules, no server.</summary>
public class ReadAccessTests
{
    private static readonly DateTimeOffset RegisteredAt = new(2025, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static readonly PropertyResponse Property = PropertyResponse.From(RealProperty.Register(
        new PropertyRegistration(
            RenovationCode.Parse("6-12-104-7-0-0-0"), new RegistrationPlate(7, 45, 0), "تهران", PostalCode.Parse("1433654321"),
            100m, 0m, 0, PropertyUsage.Residential, Restrictions.None,
            [
                new NewOwner(Party.Person(NationalId.Parse("0076229645")), "مریم احمدی", Dang.FromWhole(4)),
                new NewOwner(Party.Organisation(LegalEntityId.Parse("10380284790")), "شرکت نمونه", Dang.FromWhole(2)),
            ]),
        RegisteredAt,
        "user:registrar-1"));

    private static Caller Client(params string[] scopes) =>
        new(CallerKind.Client, "utility-water", null, new HashSet<string> { Roles.Integrator }, new HashSet<string>(scopes), null, null, null);

    private static Caller User(string role, int? district = null) =>
        new(CallerKind.User, "u1", null, new HashSet<string> { role }, new HashSet<string>(), "1583250689", "OFC1", district);

    [Fact]
    public void A_client_without_pii_read_sees_a_persons_national_id_masked_and_an_organisations_id_as_registered()
    {
        var shown = Property.ShownTo(Client(Scopes.PropertyRead));

        var person = shown.Owners.Single(o => o.PartyType == PartyType.Person);
        Assert.Equal("00******45", person.NationalId);
        Assert.Equal("00******45", person.PartyId);
        var organisation = shown.Owners.Single(o => o.PartyType == PartyType.Organisation);
        Assert.Equal("10380284790", organisation.PartyId);
        Assert.Equal("10380284790", organisation.LegalEntityId);
        // The cached instance is never changed.
        Assert.Contains(Property.Owners, o => o.NationalId == "0076229645");
    }

    [Fact]
    public void Staff_and_a_client_granted_pii_read_see_the_national_id_and_the_cached_answer_is_handed_over_as_it_is()
    {
        Assert.Same(Property, Property.ShownTo(Client(Scopes.PropertyRead, Scopes.PiiRead)));
        Assert.Same(Property, Property.ShownTo(User(Roles.Registrar)));
        Assert.Same(Property, Property.ShownTo(User(Roles.OfficeOperator)));
    }

    [Fact]
    public void A_reviewers_search_naming_no_district_is_confined_to_theirs_and_nobody_elses_is()
    {
        Assert.Equal(7, PropertyByLaw.DefaultDistrict(User(Roles.DistrictReviewer, district: 7)));
        Assert.Null(PropertyByLaw.DefaultDistrict(User(Roles.Registrar, district: 7)));
        Assert.Null(PropertyByLaw.DefaultDistrict(User(Roles.OfficeOperator)));
        Assert.Null(PropertyByLaw.DefaultDistrict(Client(Scopes.PropertyRead)));
    }

    [Fact]
    public void A_clients_listing_is_refused_with_a_reason_it_can_branch_on()
    {
        var problem = PropertyByLaw.ListingRefused();

        Assert.Equal(403, problem.Status);
        Assert.Equal("ListingNotForClients", problem.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Clearing_a_hold_without_a_reason_is_refused_by_the_property_itself(string reason)
    {
        var property = RealProperty.Register(
            new PropertyRegistration(
                RenovationCode.Parse("6-12-104-8-0-0-0"), new RegistrationPlate(7, 45, 0), "تهران", PostalCode.Parse("1433654321"),
                100m, 0m, 0, PropertyUsage.Residential, new Restrictions(LegalHold: true, UnderConstruction: false),
                [new NewOwner(Party.Person(NationalId.Parse("0076229645")), "مریم احمدی", Dang.FromWhole(6))]),
            RegisteredAt,
            "user:registrar-1");

        Assert.ThrowsAny<ArgumentException>(() => property.ClearLegalHold(reason, RegisteredAt.AddHours(1), "user:admin-1"));
        Assert.True(property.Restrictions.LegalHold);
    }
}
