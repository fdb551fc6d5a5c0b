using CityEServices.Iran;
using CityEServices.OfficeManagement.Api;
using CityEServices.OfficeManagement.Domain;

namespace CityEServices.OfficeManagement.Tests;

public class ValidatorTests
{
    [Theory]
    [InlineData("th0042", "TH0042")]
    [InlineData("TEHRAN22", "TEHRAN22")]
    [InlineData("۱۲ab", "12AB")]
    [InlineData("ABCDEFGHIJ12", "ABCDEFGHIJ12")]
    public void Office_codes_are_upper_cased(string input, string canonical)
    {
        Assert.Equal(canonical, OfficeCode.Parse(input).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("TH-42")]
    [InlineData("TH 42")]
    [InlineData("ABCDEFGHIJ123")]
    [InlineData("دفتر۱")]
    public void Office_codes_are_letters_and_digits_up_to_twelve(string input)
    {
        Assert.False(OfficeCode.TryParse(input, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void A_new_office_starts_as_pilot_with_normalised_text()
    {
        var result = Validators.Validate(new CreateOfficeRequest("th1", "دفتر يك", 6, "تهران، كوچه ۳"));

        Assert.Equal(new NewOffice(OfficeCode.Parse("TH1"), "دفتر یک", 6, "تهران، کوچه 3", OfficeStatus.Pilot), result.Value);
    }

    [Fact]
    public void An_office_may_be_created_with_a_status()
    {
        Assert.Equal(OfficeStatus.Active, Validators.Validate(new CreateOfficeRequest("TH1", "x", 1, "y", "active")).Value!.Status);
    }

    [Fact]
    public void Office_errors_are_per_field()
    {
        var result = Validators.Validate(new CreateOfficeRequest("TH-1", " ", 23, null, "Open"));

        Assert.Equal(new[] { "address", "code", "district", "name", "status" }, result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("BUILDING_PERMIT", "BUILDING_PERMIT")]
    [InlineData(" building_permit ", "BUILDING_PERMIT")]
    public void Licence_service_types_are_known_codes(string input, string code)
    {
        Assert.Equal(code, Validators.Validate(new GrantLicenceRequest(input)).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("PIZZA")]
    public void Unknown_service_types_are_a_field_error(string? input)
    {
        Assert.Contains("serviceType", Validators.Validate(new GrantLicenceRequest(input)).Errors.Keys);
    }

    [Fact]
    public void Staff_need_a_valid_national_id_name_and_role()
    {
        var ok = Validators.Validate(new AddStaffRequest("۰۰۷۶۲۲۹۶۴۵", "علي", "technicalmanager"));
        Assert.Equal(("0076229645", "علی", StaffRole.TechnicalManager), (ok.Value!.NationalId.Value, ok.Value.FullName, ok.Value.Role));

        var bad = Validators.Validate(new AddStaffRequest("0076229646", "", "Boss"));
        Assert.Equal(new[] { "fullName", "nationalId", "role" }, bad.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Exam", 85.5, null, null)]
    [InlineData("Exam", 85.0, true, null)]
    [InlineData("Exam", 60.0, false, null)]
    [InlineData("Exam", 69.99, true, "passed")]
    [InlineData("Exam", 70.0, false, "passed")]
    [InlineData("Exam", null, true, "score")]
    [InlineData("Exam", 100.5, null, "score")]
    [InlineData("Exam", 80.123, null, "score")]
    [InlineData("Interview", null, true, null)]
    [InlineData("Interview", 12.0, false, null)]
    [InlineData("Interview", null, null, "passed")]
    [InlineData("Training", null, null, "passed")]
    [InlineData("Training", -1.0, true, "score")]
    [InlineData("Lottery", null, true, "kind")]
    [InlineData(null, null, true, "kind")]
    public void Qualification_attempts_follow_their_kind(string? kind, double? score, bool? passed, string? errorField)
    {
        var result = Validators.Validate(new RecordQualificationRequest("BUILDING_PERMIT", kind, (decimal?)score, passed), examPassMark: 70m);

        if (errorField is null)
        {
            Assert.True(result.IsValid, string.Join("; ", result.Errors.Keys));
        }
        else
        {
            Assert.Equal(errorField, Assert.Single(result.Errors).Key);
        }
    }
}
