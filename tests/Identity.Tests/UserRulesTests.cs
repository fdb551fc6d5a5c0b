using CityEServices.Contracts.Security;
using CityEServices.Identity.Domain;

namespace CityEServices.Identity.Tests;

public class UserRulesTests
{
    private const string GoodPassword = "Correct-Horse1";
    private const string ValidNationalId = "0076229645";

    private static (bool Ok, ValidUser? User, Dictionary<string, string[]> Errors) Validate(
        string? userName = "registrar.one",
        string? password = GoodPassword,
        string?[]? roles = null,
        string? nationalId = null,
        string? officeCode = null,
        int? district = null)
    {
        (var user, var errors) = UserRules.Validate(userName, password, roles ?? [Roles.Registrar], nationalId, officeCode, district);
        var ok = user is not null;
        return (ok, user, errors);
    }

    [Fact]
    public void A_plain_registrar_is_valid_and_its_name_is_stored_lower_case()
    {
        var (ok, user, errors) = Validate(userName: "  Registrar.One ");

        Assert.True(ok, string.Join("; ", errors.SelectMany(e => e.Value)));
        Assert.Equal("registrar.one", user!.UserName);
        Assert.Equal([Roles.Registrar], user.Roles);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("persian-نام")]
    [InlineData("semi;colon")]
    public void User_names_outside_the_allowed_alphabet_or_length_are_rejected(string userName)
    {
        var (ok, _, errors) = Validate(userName: userName);

        Assert.False(ok);
        Assert.Contains("userName", errors.Keys);
    }

    [Fact]
    public void A_64_character_name_is_accepted_and_65_is_not()
    {
        Assert.True(Validate(userName: new string('a', 64)).Ok);
        Assert.Contains("userName", Validate(userName: new string('a', 65)).Errors.Keys);
    }

    [Fact]
    public void Missing_fields_are_each_reported()
    {
        (var valid, var errors) = UserRules.Validate(null, null, null, null, null, null);
        var ok = valid is not null;

        Assert.False(ok);
        Assert.Equal(["password", "roles", "userName"], errors.Keys.Order());
    }

    [Fact]
    public void Unknown_roles_are_named_and_known_ones_are_canonicalised_without_duplicates()
    {
        var (ok, _, errors) = Validate(roles: ["Registrar", "boss"]);
        Assert.False(ok);
        Assert.Contains("boss", Assert.Single(errors["roles"]));

        var (ok2, user, _) = Validate(roles: ["ARCHIVIST", "archivist", "registrar"]);
        Assert.True(ok2);
        Assert.Equal([Roles.Archivist, Roles.Registrar], user!.Roles);
    }

    [Fact]
    public void An_empty_role_list_is_rejected()
    {
        Assert.Contains("roles", Validate(roles: []).Errors.Keys);
    }

    [Fact]
    public void An_office_operator_needs_a_national_id_and_an_office_code()
    {
        var (ok, _, errors) = Validate(roles: [Roles.OfficeOperator]);

        Assert.False(ok);
        Assert.Contains("nationalId", errors.Keys);
        Assert.Contains("officeCode", errors.Keys);
    }

    [Fact]
    public void An_office_operator_with_both_is_valid_and_both_are_canonical()
    {
        var (ok, user, errors) = Validate(roles: [Roles.OfficeOperator], nationalId: "۰۰۷۶۲۲۹۶۴۵", officeCode: "teh01");

        Assert.True(ok, string.Join("; ", errors.SelectMany(e => e.Value)));
        Assert.Equal(ValidNationalId, user!.NationalId);
        Assert.Equal("TEH01", user.OfficeCode);
    }

    [Theory]
    [InlineData("0076229646")]
    [InlineData("9999999999")]
    [InlineData("12345")]
    public void An_invalid_national_id_is_rejected_even_when_not_required(string nationalId)
    {
        Assert.Contains("nationalId", Validate(nationalId: nationalId).Errors.Keys);
    }

    [Theory]
    [InlineData("TEH-01")]
    [InlineData("ABCDEFGHIJKLM")]
    [InlineData("دفتر۱")]
    public void Office_codes_are_up_to_12_english_letters_or_digits(string officeCode)
    {
        Assert.Contains("officeCode", Validate(roles: [Roles.OfficeOperator], nationalId: ValidNationalId, officeCode: officeCode).Errors.Keys);
    }

    [Fact]
    public void A_district_reviewer_needs_a_district()
    {
        Assert.Contains("district", Validate(roles: [Roles.DistrictReviewer]).Errors.Keys);
        Assert.True(Validate(roles: [Roles.DistrictReviewer], district: 22).Ok);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(23)]
    [InlineData(-1)]
    public void Districts_are_1_to_22(int district)
    {
        Assert.Contains("district", Validate(roles: [Roles.DistrictReviewer], district: district).Errors.Keys);
    }
    [Fact]
    public void One_user_cannot_be_both_office_operator_and_district_reviewer()
    {
        var (ok, _, errors) = Validate(roles: [Roles.OfficeOperator, Roles.DistrictReviewer], nationalId: ValidNationalId, officeCode: "TEH01", district: 7);

        Assert.False(ok);
        var message = Assert.Single(errors["roles"]);
        Assert.Contains(Roles.OfficeOperator, message, StringComparison.Ordinal);
        Assert.Contains(Roles.DistrictReviewer, message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assignment_change_follows_the_rules_of_creation()
    {
        (var valid, var both) = UserRules.ValidateAssignment([Roles.OfficeOperator, Roles.DistrictReviewer], ValidNationalId, "TEH01", 7);
        Assert.Null(valid);
        Assert.Contains("roles", both.Keys);

        (valid, var missing) = UserRules.ValidateAssignment([Roles.OfficeOperator], null, null, null);
        Assert.Null(valid);
        Assert.Equal(["nationalId", "officeCode"], missing.Keys.Order());

        (var assignment, _) = UserRules.ValidateAssignment(["DISTRICT-REVIEWER"], null, null, 22);
        Assert.NotNull(assignment);
        Assert.Equal([Roles.DistrictReviewer], assignment!.Roles);
        Assert.Equal(22, assignment.District);
    }
}
