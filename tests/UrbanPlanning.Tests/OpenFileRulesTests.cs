using CityEServices.UrbanPlanning.Domain;

namespace CityEServices.UrbanPlanning.Tests;

public class OpenFileRulesTests
{
    private const string ValidCode = "22-1-15-7-0-0-0";
    private const string ValidNationalId = "0076229645";

    [Fact]
    public void A_valid_request_comes_back_canonical()
    {
        (var valid, var errors) = OpenFileRules.Validate("۰۳-۰۱۲-5-7-0-0-0", "76229645", " ofc12 ");
        Assert.NotNull(valid);

        Assert.Empty(errors);
        Assert.Equal("3-12-5-7-0-0-0", valid.RenovationCode.Value);
        Assert.Equal(3, valid.RenovationCode.District);
        Assert.Equal("0076229645", valid.ApplicantNationalId.Value);
        Assert.Equal("OFC12", valid.OfficeCode);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once_under_its_json_name()
    {
        (var valid, var errors) = OpenFileRules.Validate("1-2-3", "0076229646", "office-001");
        Assert.Null(valid);

        Assert.Null(valid);
        Assert.Equal(["applicantNationalId", "officeCode", "renovationCode"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.False(string.IsNullOrWhiteSpace(Assert.Single(messages))));
    }

    [Fact]
    public void Missing_fields_are_required()
    {
        (var valid, var errors) = OpenFileRules.Validate(null, " ", "");
        Assert.Null(valid);

        Assert.Equal(3, errors.Count);
        Assert.Contains("required", errors["renovationCode"][0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("required", errors["applicantNationalId"][0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("required", errors["officeCode"][0], StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("0-1-2-3-4-5-6")] // district 0
    [InlineData("23-1-2-3-4-5-6")] // district 23
    [InlineData("1-2-3-4-5-6")] // six segments
    [InlineData("1-2-3-4-5-6-7-8")] // eight segments
    [InlineData("1-2-3--5-6-7")] // empty segment
    [InlineData("1-2-3-a-5-6-7")]
    [InlineData("1-2-3-4-5-6-+7")]
    [InlineData("1/2/3/4/5/6/7")]
    [InlineData("1-2-3-4-5-6-1234567890")] // a segment longer than nine digits
    public void Renovation_code_must_be_seven_numeric_segments_starting_with_a_district(string code)
    {
        (var valid, var errors) = OpenFileRules.Validate(code, ValidNationalId, "OFC1");
        Assert.Null(valid);

        Assert.Equal(["renovationCode"], errors.Keys);
    }

    [Theory]
    [InlineData("1-0-0-0-0-0-0", 1)]
    [InlineData("22-999-88-7-6-5-4", 22)]
    [InlineData("010-1-1-1-0-0-0", 10)]
    public void Renovation_code_district_is_its_first_segment(string code, int district)
    {
        (var valid, _) = OpenFileRules.Validate(code, ValidNationalId, "OFC1");
        Assert.NotNull(valid);

        Assert.Equal(district, valid.RenovationCode.District);
    }

    [Theory]
    [InlineData("9999999999")] // one digit repeated
    [InlineData("0076229646")] // wrong check digit
    [InlineData("12345")]
    [InlineData("00762296451")]
    [InlineData("007622964x")]
    public void Applicant_must_have_a_valid_national_id(string nationalId)
    {
        (var valid, var errors) = OpenFileRules.Validate(ValidCode, nationalId, "OFC1");
        Assert.Null(valid);

        Assert.Equal(["applicantNationalId"], errors.Keys);
    }

    [Theory]
    [InlineData("ABCDEFGHIJKLM")] // 13 characters
    [InlineData("OFC 1")]
    [InlineData("OFC-1")]
    [InlineData("دفتر۱")] // Persian letters
    public void Office_code_is_up_to_twelve_english_letters_or_digits(string officeCode)
    {
        (var valid, var errors) = OpenFileRules.Validate(ValidCode, ValidNationalId, officeCode);
        Assert.Null(valid);

        Assert.Equal(["officeCode"], errors.Keys);
    }

    [Theory]
    [InlineData("ABCDEFGHIJKL", "ABCDEFGHIJKL")]
    [InlineData("t1", "T1")]
    [InlineData("7", "7")]
    public void Office_code_is_upper_cased(string input, string expected)
    {
        (var valid, _) = OpenFileRules.Validate(ValidCode, ValidNationalId, input);
        Assert.NotNull(valid);

        Assert.Equal(expected, valid.OfficeCode);
    }

    [Theory]
    [InlineData("09121234567")]
    [InlineData("۰۹۱۲-۱۲۳-۴۵۶۷")]
    [InlineData("00989121234567")]
    [InlineData("+989121234567")]
    public void The_applicants_mobile_is_optional_and_kept_as_plus_98(string typed)
    {
        (var valid, _) = OpenFileRules.Validate(ValidCode, ValidNationalId, "OFC1", typed);
        Assert.NotNull(valid);
        Assert.Equal("+989121234567", valid.ApplicantMobile?.Value);

        (var none, _) = OpenFileRules.Validate(ValidCode, ValidNationalId, "OFC1", "  ");
        Assert.NotNull(none);
        Assert.Null(none.ApplicantMobile);
    }

    [Theory]
    [InlineData("0912123")]
    [InlineData("02188776655")]
    [InlineData("+1 202 555 0100")]
    public void A_malformed_mobile_is_reported_under_applicantMobile_with_the_other_fields(string typed)
    {
        (var valid, var errors) = OpenFileRules.Validate("1-2-3", ValidNationalId, "OFC1", typed);
        Assert.Null(valid);

        Assert.Equal(["applicantMobile", "renovationCode"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
