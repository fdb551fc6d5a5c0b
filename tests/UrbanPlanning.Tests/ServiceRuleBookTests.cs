using System.Text.Json;
using CityEServices.Contracts.Codes;
using CityEServices.UrbanPlanning.Domain.Requests;

namespace CityEServices.UrbanPlanning.Tests;

public class ServiceRuleBookTests
{
    private static readonly ServiceRuleBook Rules = ServiceRuleBook.Default;

    /// <summary>A moment every version of the book covers (1405/02/11), so no assertion depends on today's date.</summary>
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 6, 30, 0, TimeSpan.Zero);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Every_service_type_but_the_file_itself_has_rules_and_known_document_categories()
    {
        foreach (var type in ServiceTypes.All.Where(t => t != ServiceTypes.UrbanFile))
        {
            var rule = Rules.InForce(type, Now);
            Assert.NotNull(rule);
            Assert.NotEmpty(rule.RequiredDocuments);
            Assert.All(rule.RequiredDocuments, c => Assert.True(DocumentCategories.IsKnown(c), c));
            Assert.InRange(rule.SlaDays, 1, 90);
            Assert.False(string.IsNullOrWhiteSpace(rule.TitleFa));
        }

        Assert.False(Rules.Offers(ServiceTypes.UrbanFile));
    }

    [Fact]
    public void Building_permit_needs_the_four_documents_DESIGN_names()
    {
        var rule = Rules.InForce(ServiceTypes.BuildingPermit, Now)!;
        Assert.Equal(["ARCHITECTURAL_PLAN", "IDENTITY_DOCUMENT", "OWNERSHIP_DEED", "STRUCTURAL_PLAN"], rule.RequiredDocuments.Order());
    }

    [Fact]
    public void The_version_in_force_is_chosen_by_date_and_old_versions_stay_readable()
    {
        var before = Rules.InForce(ServiceTypes.BuildingPermit, ServiceRuleBook.Tariff1405.AddSeconds(-1))!;
        var after = Rules.InForce(ServiceTypes.BuildingPermit, ServiceRuleBook.Tariff1405)!;
        Assert.Equal(1, before.Version);
        Assert.Equal(2, after.Version);
        Assert.Same(before, Rules.Get(ServiceTypes.BuildingPermit, 1));
        Assert.Null(Rules.InForce(ServiceTypes.BuildingPermit, ServiceRuleBook.Tariff1404.AddDays(-1)));
    }

    [Fact]
    public void Fees_follow_each_versions_formula()
    {
        (var details, _) = Rules.Get(ServiceTypes.BuildingPermit, 1).ValidateDetails(Json("""{"floors":4,"areaM2":250.5,"usage":"residential"}"""));
        Assert.NotNull(details);

        // v1: 5,000,000 + 120,000 × 250.5; v2: 6,000,000 + 150,000 × 250.5 + 1,000,000 × 4.
        Assert.Equal(35_060_000m, Rules.Get(ServiceTypes.BuildingPermit, 1).Fee.Compute(details));
        Assert.Equal(47_575_000m, Rules.Get(ServiceTypes.BuildingPermit, 2).Fee.Compute(details));
        Assert.Equal(1_000_000m, Rules.InForce(ServiceTypes.NoViolationCertificate, Now)!.Fee.Compute(new RequestDetails([])));
        (var dig, _) = Rules.InForce(ServiceTypes.ExcavationPermit, Now)!.ValidateDetails(Json("""{"street":"خیابان ولیعصر","lengthM":12,"depthM":1.5,"durationDays":10,"restorationDepositRial":5000000}"""));
        Assert.NotNull(dig);
        Assert.Equal(2_000_000m + 300_000m * 12 + 50_000m * 10, Rules.InForce(ServiceTypes.ExcavationPermit, Now)!.Fee.Compute(dig));
    }

    [Fact]
    public void Details_are_canonicalised()
    {
        var rule = Rules.InForce(ServiceTypes.BuildingPermit, Now)!;
        (var details, var errors) = rule.ValidateDetails(Json("""{"Floors":"۴","areaM2":"120.5","usage":"MIXED"}"""));
        Assert.Empty(errors);
        Assert.NotNull(details);

        Assert.Equal(4, details.Integer("floors"));
        Assert.Equal(120.5m, details.Decimal("areaM2"));
        Assert.Equal("Mixed", details.Text("usage"));
        var roundTrip = RequestDetails.Parse(details.ToJson());
        Assert.Equal(4, roundTrip.Integer("floors"));
        Assert.Equal(120.5m, roundTrip.Decimal("areaM2"));
    }

    [Fact]
    public void Every_bad_detail_is_reported_under_its_own_key()
    {
        var rule = Rules.InForce(ServiceTypes.BuildingPermit, Now)!;
        (var valid, var errors) = rule.ValidateDetails(Json("""{"floors":2.5,"areaM2":-1,"usage":"Castle","colour":"red"}"""));
        Assert.Null(valid);

        Assert.Equal(["details.areaM2", "details.colour", "details.floors", "details.usage"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Missing_details_are_each_required_and_a_non_object_is_refused()
    {
        var rule = Rules.InForce(ServiceTypes.WasteContract, Now)!;
        (var valid, var missing) = rule.ValidateDetails(null);
        Assert.Null(valid);
        Assert.Equal(["details.disposalSite", "details.hauler", "details.volumeM3"], missing.Keys.Order(StringComparer.Ordinal));

        (valid, var notObject) = rule.ValidateDetails(Json("[1,2]"));
        Assert.Null(valid);
        Assert.Equal(["details"], notObject.Keys);
        Assert.True(Rules.InForce(ServiceTypes.NoViolationCertificate, Now)!.ValidateDetails(null).IsValid);
    }

    [Fact]
    public void Waste_contract_and_completion_certificate_name_their_prerequisites()
    {
        Assert.Equal(Prerequisites.IssuedBuildingPermit, Rules.InForce(ServiceTypes.WasteContract, Now)!.Prerequisites);
        Assert.Equal(Prerequisites.IssuedBuildingPermit | Prerequisites.FinalSupervisorReport, Rules.InForce(ServiceTypes.CompletionCertificate, Now)!.Prerequisites);
    }
}
