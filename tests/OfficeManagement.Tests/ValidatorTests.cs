using CityEServices.Iran;
using CityEServices.OfficeManagement.Features.Offices;
using CityEServices.OfficeManagement.Features.Staff;
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
        var result = OfficeRules.Validate(new CreateOfficeRequest("th1", "دفتر يك", 6, "تهران، كوچه ۳"));

        Assert.Equal(new NewOffice(OfficeCode.Parse("TH1"), "دفتر یک", 6, "تهران، کوچه 3", OfficeStatus.Pilot), result.Value);
    }

    [Fact]
    public void An_office_may_be_created_with_a_status()
    {
        Assert.Equal(OfficeStatus.Active, OfficeRules.Validate(new CreateOfficeRequest("TH1", "x", 1, "y", "active")).Value!.Status);
    }

    [Fact]
    public void Office_errors_are_per_field()
    {
        var result = OfficeRules.Validate(new CreateOfficeRequest("TH-1", " ", 23, null, "Open"));

        Assert.Equal(new[] { "address", "code", "district", "name", "status" }, result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("BUILDING_PERMIT", "BUILDING_PERMIT")]
    [InlineData(" building_permit ", "BUILDING_PERMIT")]
    public void Licence_service_types_are_known_codes(string input, string code)
    {
        Assert.Equal(code, OfficeRules.Validate(new GrantLicenceRequest(input)).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("PIZZA")]
    public void Unknown_service_types_are_a_field_error(string? input)
    {
        Assert.Contains("serviceType", OfficeRules.Validate(new GrantLicenceRequest(input)).Errors.Keys);
    }

    [Fact]
    public void Staff_need_a_valid_national_id_name_and_role()
    {
        var ok = StaffRules.Validate(new AddStaffRequest("۰۰۷۶۲۲۹۶۴۵", "علي", "technicalmanager"));
        Assert.Equal(("0076229645", "علی", StaffRole.TechnicalManager), (ok.Value!.NationalId.Value, ok.Value.FullName, ok.Value.Role));

        var bad = StaffRules.Validate(new AddStaffRequest("0076229646", "", "Boss"));
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
        var result = StaffRules.Validate(new RecordQualificationRequest("BUILDING_PERMIT", kind, (decimal?)score, passed), examPassMark: 70m);

        if (errorField is null)
        {
            Assert.True(result.IsValid, string.Join("; ", result.Errors.Keys));
        }
        else
        {
            Assert.Equal(errorField, Assert.Single(result.Errors).Key);
        }
    }

    [Theory]
    [InlineData(null, null, null, null, null, null)]
    [InlineData("5", "suspended", "building_permit", "2", "50", null)]
    [InlineData("۵", null, null, "۲", null, null)]
    [InlineData("five", null, null, null, null, "district")]
    [InlineData("23", null, null, null, null, "district")]
    [InlineData(null, "Open", null, null, null, "status")]
    [InlineData(null, null, "PARKING", null, null, "serviceType")]
    [InlineData(null, null, null, "two", null, "page")]
    [InlineData(null, null, null, "0", null, "page")]
    [InlineData(null, null, null, null, "101", "pageSize")]
    public void List_filters_are_read_from_text_and_each_bad_one_is_its_field(
        string? district, string? status, string? serviceType, string? page, string? pageSize, string? errorField)
    {
        var result = OfficeRules.ValidateFilter(district, status, serviceType, page, pageSize);

        if (errorField is null)
        {
            Assert.True(result.IsValid, string.Join("; ", result.Errors.Keys));
        }
        else
        {
            Assert.Equal(errorField, Assert.Single(result.Errors).Key);
        }
    }

    [Fact]
    public void A_list_filter_reads_what_it_was_given()
    {
        var filter = OfficeRules.ValidateFilter("۵", "suspended", "building_permit", "2", "50").Value!;

        Assert.Equal((5, OfficeStatus.Suspended, "BUILDING_PERMIT", 2, 50), (filter.District, filter.Status, filter.ServiceType, filter.Page.Page, filter.Page.PageSize));
    }
}
