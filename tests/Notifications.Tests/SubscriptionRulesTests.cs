using CityEServices.Notifications.Domain.Webhooks;

namespace CityEServices.Notifications.Tests;

public class SubscriptionRulesTests
{
    private const string FileOpened = "ir.tehran.city.urban-planning.file-opened";
    private const string DocumentArchived = "ir.tehran.city.archive.document-archived";
    private static readonly HashSet<string> UrbanPlanningReader = ["webhooks", "urban-planning.read"];

    [Fact]
    public void A_well_formed_subscription_to_types_the_scopes_open_passes_without_duplicates()
    {
        (var valid, _) = SubscriptionRules.Validate("https://hooks.example.org/city", [FileOpened, FileOpened], " پرونده‌های بانک ", UrbanPlanningReader, false);
        Assert.NotNull(valid);
        Assert.Equal([FileOpened], valid.EventTypes);
        Assert.Equal("پرونده‌های بانک", valid.Description);
    }

    [Fact]
    public void Types_the_scopes_do_not_open_unknown_types_and_staff_only_types_are_field_errors_by_position()
    {
        (var valid, var errors) = SubscriptionRules.Validate("https://hooks.example.org/city",
            [FileOpened, DocumentArchived, "ir.tehran.city.urban-planning.nothing", "ir.tehran.city.office-management.licence-changed", null],
            null, UrbanPlanningReader, false);
        var ok = valid is not null;

        Assert.False(ok);
        Assert.False(errors.ContainsKey("eventTypes[0]"));
        Assert.Contains("archive.read", errors["eventTypes[1]"][0], StringComparison.Ordinal);
        Assert.Contains("not an event type", errors["eventTypes[2]"][0], StringComparison.Ordinal);
        Assert.Contains("not offered", errors["eventTypes[3]"][0], StringComparison.Ordinal);
        Assert.Contains("required", errors["eventTypes[4]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_is_checked_in_one_pass()
    {
        (var valid, var errors) = SubscriptionRules.Validate("http://hooks.example.org", [], new string('ا', 201), UrbanPlanningReader, false);
        Assert.Null(valid);
        Assert.Equal(["description", "eventTypes", "url"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
