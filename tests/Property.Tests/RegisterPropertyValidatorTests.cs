using System.Text.Json;
using CityEServices.Property.Features.Properties;
using CityEServices.Property.Domain;

namespace CityEServices.Property.Tests;

public class RegisterPropertyValidatorTests
{
    private const string Ali = "0076229645";
    private const string Sara = "1583250689";
    private const string Company = "10380284790";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static RegisterPropertyRequest Valid(params OwnerRequest[] owners) => new(
        RenovationCode: "6-12-104-7-0-0-0",
        RegistrationPlate: new RegistrationPlateRequest(7, 45, 123),
        District: 6,
        Address: "تهران، خيابان ولي‌عصر، كوچه ۱۲",
        PostalCode: "۱۴۳۳۶-۵۴۳۲۱",
        LandAreaM2: 250.5m,
        BuildingAreaM2: 600m,
        Floors: 4,
        Usage: "residential",
        Owners: owners.Length > 0 ? owners : [new OwnerRequest("Person", Ali, "علي رضايي", "2.5"), new OwnerRequest(null, Sara, "سارا", "7/2")]);

    private static Dictionary<string, string[]> ErrorsOf(RegisterPropertyRequest request)
    {
        var result = RegisterPropertyValidator.Validate(request);
        Assert.False(result.IsValid);
        return result.Errors;
    }

    [Fact]
    public void A_valid_request_becomes_a_registration_in_canonical_form()
    {
        var result = RegisterPropertyValidator.Validate(Valid());

        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
        var registration = result.Value!;
        Assert.Equal("6-12-104-7-0-0-0", registration.RenovationCode.Value);
        Assert.Equal(6, registration.District);
        Assert.Equal(new RegistrationPlate(7, 45, 123), registration.RegistrationPlate);
        Assert.Equal("تهران، خیابان ولی‌عصر، کوچه 12", registration.Address); // Arabic ي/ك mapped, ZWNJ kept, digits ASCII
        Assert.Equal("1433654321", registration.PostalCode.Value);
        Assert.Equal(PropertyUsage.Residential, registration.Usage);
        Assert.Equal(Restrictions.None, registration.Restrictions);
        Assert.Collection(
            registration.Owners,
            o => Assert.Equal((Party.Person(Iran.NationalId.Parse(Ali)), "علی رضایی", new Dang(5, 2)), (o.Party, o.FullName, o.Share)),
            o => Assert.Equal((new Party(PartyType.Person, Sara), new Dang(7, 2)), (o.Party, o.Share)));
    }

    [Fact]
    public void Shares_that_do_not_sum_to_six_are_an_owners_error_saying_the_sum()
    {
        var errors = ErrorsOf(Valid(new OwnerRequest("Person", Ali, "علی", "4"), new OwnerRequest("Person", Sara, "سارا", "1.5")));

        var message = Assert.Single(Assert.Contains("owners", errors));
        Assert.Contains("sum to 11/2 (5.5)", message);
        Assert.Single(errors);
    }

    [Fact]
    public void Thirds_sum_exactly()
    {
        var result = RegisterPropertyValidator.Validate(Valid(
            new OwnerRequest("Person", Ali, "علی", "1/3"),
            new OwnerRequest("Person", Sara, "سارا", "2/3"),
            new OwnerRequest("Organisation", Company, "شرکت", "5")));

        Assert.True(result.IsValid);
    }

    [Fact]
    public void An_invalid_national_id_is_reported_on_that_owner()
    {
        var errors = ErrorsOf(Valid(new OwnerRequest("Person", Ali, "علی", "3"), new OwnerRequest("Person", "0076229646", "سارا", "3")));

        Assert.Contains("check digit", Assert.Single(Assert.Contains("owners[1].nationalId", errors)));
        Assert.DoesNotContain("owners[0].nationalId", errors.Keys);
        // Both shares were readable and make six, so there is no total error to distract.
        Assert.DoesNotContain("owners", errors.Keys);
    }

    [Fact]
    public void A_legal_entity_id_sent_for_a_person_gets_a_hint()
    {
        var errors = ErrorsOf(Valid(new OwnerRequest("Person", Company, "شرکت", "6")));

        Assert.Contains("set partyType to Organisation", Assert.Single(errors["owners[0].nationalId"]));
    }

    [Fact]
    public void The_same_party_twice_is_a_duplicate_owner()
    {
        var errors = ErrorsOf(Valid(new OwnerRequest("Person", Ali, "علی", "3"), new OwnerRequest("Person", "76229645", "علی", "3")));

        Assert.Contains("owners[0]", Assert.Single(errors["owners[1].nationalId"]));
    }

    [Theory]
    [InlineData(5, "does not match the renovation code")]
    [InlineData(23, "1 to 22")]
    [InlineData(null, "required")]
    public void The_district_must_be_the_renovation_codes_first_segment(int? district, string fragment)
    {
        var errors = ErrorsOf(Valid() with { District = district });

        Assert.Contains(fragment, Assert.Single(errors["district"]));
        Assert.Single(errors);
    }

    [Fact]
    public void An_organisation_may_send_its_legal_entity_id_in_either_field()
    {
        var viaNationalId = RegisterPropertyValidator.Validate(Valid(new OwnerRequest("Organisation", Company, "شرکت", "6")));
        var viaLegalEntityId = RegisterPropertyValidator.Validate(Valid(new OwnerRequest("organisation", null, "شرکت", "6", LegalEntityId: Company)));

        Assert.Equal(new Party(PartyType.Organisation, Company), Assert.Single(viaNationalId.Value!.Owners).Party);
        Assert.Equal(new Party(PartyType.Organisation, Company), Assert.Single(viaLegalEntityId.Value!.Owners).Party);
    }

    [Fact]
    public void An_organisation_with_two_different_ids_is_rejected()
    {
        var errors = ErrorsOf(Valid(new OwnerRequest("Organisation", "10101234565", "شرکت", "6", LegalEntityId: Company)));

        Assert.Contains("owners[0].nationalId", errors.Keys);
    }

    [Fact]
    public void An_organisation_without_an_id_is_rejected()
    {
        var errors = ErrorsOf(Valid(new OwnerRequest("Organisation", null, "شرکت", "6")));

        Assert.Contains("owners[0].legalEntityId", errors.Keys);
    }

    [Theory]
    [InlineData("0", "more than 0")]
    [InlineData("-2", "more than 0")]
    [InlineData("7", "cannot exceed 6")]
    [InlineData("two", "not a share")]
    [InlineData(null, "required")]
    public void Each_share_is_checked_on_its_own(string? share, string fragment)
    {
        var errors = ErrorsOf(Valid(new OwnerRequest("Person", Ali, "علی", share), new OwnerRequest("Person", Sara, "سارا", "6")));

        Assert.Contains(fragment, Assert.Single(errors["owners[0].shareDang"]));
        // An unreadable share makes the total meaningless, so it is not reported.
        Assert.DoesNotContain("owners", errors.Keys);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var request = new RegisterPropertyRequest(
            RenovationCode: "6-12",
            RegistrationPlate: new RegistrationPlateRequest(0, null, -1),
            District: 6,
            Address: "   ",
            PostalCode: "123",
            LandAreaM2: 0m,
            BuildingAreaM2: 10.555m,
            Floors: -1,
            Usage: "Palace",
            Owners: [null, new OwnerRequest("Robot", Ali, "", "2")]);

        var errors = ErrorsOf(request);

        Assert.Equal(
            new[]
            {
                "address", "buildingAreaM2", "floors", "landAreaM2", "owners[0]", "owners[1].fullName", "owners[1].partyType",
                "postalCode", "registrationPlate.main", "registrationPlate.section", "registrationPlate.sub", "renovationCode", "usage",
            },
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Missing_plate_and_owners_are_reported()
    {
        var errors = ErrorsOf(Valid() with { RegistrationPlate = null, Owners = [] });

        Assert.Contains("registrationPlate", errors.Keys);
        Assert.Contains("owners", errors.Keys);
    }

    [Fact]
    public void A_person_with_a_legal_entity_id_field_is_rejected()
    {
        var errors = ErrorsOf(Valid(new OwnerRequest("Person", Ali, "علی", "6", LegalEntityId: Company)));

        Assert.Contains("owners[0].legalEntityId", errors.Keys);
    }

    [Fact]
    public void Share_binds_from_a_json_number_or_string_without_floating_point()
    {
        var request = JsonSerializer.Deserialize<RegisterPropertyRequest>(
            """
            {
              "renovationCode": "6-12-104-7-0-0-0", "registrationPlate": { "section": 7, "main": 45, "sub": 0 },
              "district": 6, "address": "تهران", "postalCode": "1433654321", "landAreaM2": 100, "buildingAreaM2": 0,
              "floors": 0, "usage": "GreenSpace",
              "owners": [
                { "partyType": "Person", "nationalId": "0076229645", "fullName": "علی", "shareDang": 0.1 },
                { "partyType": "Person", "nationalId": "1583250689", "fullName": "سارا", "shareDang": "59/10" }
              ]
            }
            """,
            Web)!;

        var result = RegisterPropertyValidator.Validate(request);

        Assert.True(result.IsValid);
        Assert.Equal(new Dang(1, 10), result.Value!.Owners[0].Share);
        Assert.Equal(PropertyUsage.GreenSpace, result.Value.Usage);
    }
}
