using CityEServices.Iran;
using CityEServices.Web.Problems;

namespace CityEServices.Web.Tests;

public class ValidationErrorsTests
{
    [Fact]
    public void A_value_read_from_text_is_canonical_or_its_reason_is_kept_by_field()
    {
        var check = new ValidationErrors();

        var office = check.Parse<OfficeCode>("officeCode", " s01a ");
        check.Parse<NationalId>("nationalId", "0000000001");
        check.Parse<PostalCode>("postalCode", "");

        Assert.Equal("S01A", office.Value);
        var errors = check.ToDictionary();
        Assert.Equal(["nationalId", "postalCode"], errors.Keys.Order());
        Assert.Contains("required", errors["postalCode"].Single());
    }

    [Fact]
    public void An_optional_value_left_blank_is_null_and_no_error()
    {
        var check = new ValidationErrors();

        Assert.Null(check.Optional<MobileNumber>("mobile", "  "));
        Assert.Equal("+989121234567", check.Optional<MobileNumber>("mobile", "09121234567")?.Value);
        Assert.True(check.IsEmpty);
        Assert.Null(check.Optional<MobileNumber>("mobile", "12"));
        Assert.True(check.Has("mobile"));
    }

    [Fact]
    public void Known_names_are_spelled_as_the_list_spells_them_and_strangers_are_named_with_their_place()
    {
        var check = new ValidationErrors();

        var picked = check.Known("scopes", ["Payments", "payments", "webhooks", "root"], ["payments", "webhooks"], "Scope");

        Assert.Equal(["payments", "webhooks"], picked);
        Assert.Equal("Scope 'root' (item 3) is not one of: payments, webhooks.", check.ToDictionary()["scopes"].Single());
    }

    [Fact]
    public void The_first_error_of_a_field_stands_when_a_later_rule_adds_only_if_absent()
    {
        var check = new ValidationErrors();

        check.Add("district", "District must be between 1 and 22.");
        check.AddFirst("district", "District is required for the district-reviewer role.");
        check.AddFirst("officeCode", "Office code is required.");

        var errors = check.ToDictionary();
        Assert.Equal(["District must be between 1 and 22."], errors["district"]);
        Assert.Equal(["Office code is required."], errors["officeCode"]);
    }

    [Fact]
    public void Result_makes_the_valid_value_only_when_nothing_failed()
    {
        var made = 0;
        var failing = new ValidationErrors();
        failing.Add("name", "Name is required.");

        var refused = failing.Result(() => $"made {++made}");
        Assert.False(refused.IsValid);
        Assert.Null(refused.Value);
        Assert.Equal(0, made);
        Assert.Equal(["Name is required."], refused.Errors["name"]);

        var passed = new ValidationErrors().Result(() => "ok");
        Assert.True(passed.IsValid);
        Assert.Equal("ok", passed.Value);
        Assert.Empty(passed.Errors);
    }
}
