using CityEServices.Archive.Features.Holds;

namespace CityEServices.Archive.Tests;

public class HoldRulesTests
{
    [Fact]
    public void A_hold_covers_something_and_says_why()
    {
        var validated = HoldRules.Validate(new PlaceHoldRequest(null, null, null, " "));

        Assert.False(validated.IsValid);
        Assert.Contains("fileNumber", validated.Errors.Keys);
        Assert.Contains("reason", validated.Errors.Keys);
    }

    [Fact]
    public void Its_file_number_and_renovation_code_are_stored_canonical()
    {
        var validated = HoldRules.Validate(new PlaceHoldRequest("۰۹۰۰۰۰۰۰۰۰۱", "09-001-2-3-0-0-0", null, "دعوای حقوقي"));

        var scope = Assert.IsType<HoldScope>(validated.Value);
        Assert.Equal("09000000001", scope.FileNumber);
        Assert.Equal("9-1-2-3-0-0-0", scope.RenovationCode);
        Assert.Equal("دعوای حقوقی", scope.Reason);
    }

    [Fact]
    public void Malformed_keys_are_the_fields_errors()
    {
        var validated = HoldRules.Validate(new PlaceHoldRequest("99", "1-2", null, "x"));

        Assert.Equal(["fileNumber", "renovationCode"], validated.Errors.Keys.Order());
    }
}
