using System.Text.Json;
using CityEServices.Contracts.Codes;
using CityEServices.UrbanPlanning.Domain.Requests;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>What CreateRequest checks before it asks anyone: the file number, the type and the details, under the rules in force at an explicit instant.</summary>
public class NewRequestRulesTests
{
    private static readonly JsonElement Building = JsonDocument.Parse("""{"floors":4,"areaM2":250,"usage":"Residential"}""").RootElement;

    private static bool Validate(DateTimeOffset at, string? fileNumber, string? serviceType, JsonElement? details, out ValidNewRequest? valid, out Dictionary<string, string[]> errors)
    {
        (valid, errors) = NewRequestRules.Validate(ServiceRuleBook.Default, at, fileNumber, serviceType, details);
        return valid is not null;
    }

    [Fact]
    public void A_request_made_before_the_1405_tariff_is_judged_by_version_1_and_one_made_at_it_by_version_2()
    {
        Assert.True(Validate(ServiceRuleBook.Tariff1405.AddSeconds(-1), "12000000001", "BUILDING_PERMIT", Building, out var before, out _));
        Assert.True(Validate(ServiceRuleBook.Tariff1405, "12000000001", "building_permit", Building, out var after, out _));

        Assert.Equal(1, before!.Rule.Version);
        Assert.Equal(2, after!.Rule.Version);
        // The fee the reviewer will assess: 5,000,000 + 120,000 × 250 under v1; 6,000,000 + 150,000 × 250 + 1,000,000 × 4 under v2.
        Assert.Equal(35_000_000m, before.Rule.Fee.Compute(before.Details));
        Assert.Equal(47_500_000m, after.Rule.Fee.Compute(after.Details));
        Assert.Equal("12000000001", after.FileNumber.ToString());
    }

    [Fact]
    public void A_type_without_rules_yet_is_not_offered()
    {
        Assert.False(Validate(ServiceRuleBook.Tariff1404.AddDays(-1), "12000000001", "BUILDING_PERMIT", Building, out _, out var errors));

        Assert.Equal(["serviceType"], errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("URBAN_FILE")]
    [InlineData("CASTLE")]
    public void Unknown_types_and_the_file_itself_are_refused_with_the_bad_file_number(string? serviceType)
    {
        Assert.False(Validate(ServiceRuleBook.Tariff1405, "123", serviceType, Building, out var valid, out var errors));

        Assert.Null(valid);
        Assert.Equal(["fileNumber", "serviceType"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(ServiceTypes.BuildingPermit, errors["serviceType"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_details_are_reported_each_under_its_own_key()
    {
        var details = JsonDocument.Parse("""{"floors":0,"usage":"Castle"}""").RootElement;

        Assert.False(Validate(ServiceRuleBook.Tariff1405, "12000000001", "BUILDING_PERMIT", details, out _, out var errors));

        Assert.Equal(["details.areaM2", "details.floors", "details.usage"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
