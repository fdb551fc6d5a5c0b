using System.Net;
using CityEServices.TestSupport;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// Issue 4's "Done shows", through the gateway: a certified operator at an office licensed for
/// BUILDING_PERMIT is authorised; revoking the licence answers LicenceRevoked at once (no stale
/// cache); an operator with only the exam is refused with NotCertified. The answer is read
/// through the admin's REST view of the decision (the same cached path as gRPC) and, for URBAN_FILE,
/// through urban planning's file opening, which asks office management over gRPC.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class OfficeManagementEndToEndTests(CityStackFixture stack)
{
    private const string Permit = "BUILDING_PERMIT";

    [Fact]
    public async Task A_revoked_licence_is_refused_at_once_and_an_exam_only_operator_is_not_certified()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var office = $"E4{Random.Shared.Next(1000, 9999)}";
        var certified = NationalIds.Next();
        var examOnly = NationalIds.Next();

        await gateway.PostAsJsonAsync("/api/offices", new { code = office, name = "دفتر خدمات الکترونیکی آزمون", district = 12, address = "تهران" }, admin)
            .ExpectAsync(HttpStatusCode.Created);
        await gateway.PostAsJsonAsync($"/api/offices/{office}/status", new { status = "Active", note = "e2e" }, admin).ExpectAsync(HttpStatusCode.OK);
        await gateway.PostAsJsonAsync($"/api/offices/{office}/licences", new { serviceType = Permit }, admin).ExpectAsync(HttpStatusCode.Created);
        foreach (var person in new[] { certified, examOnly })
        {
            await gateway.PostAsJsonAsync($"/api/offices/{office}/staff", new { nationalId = person, fullName = "کارشناس آزمون", role = "Operator" }, admin)
                .ExpectAsync(HttpStatusCode.Created);
            await gateway.PostAsJsonAsync($"/api/staff/{person}/qualifications", new { serviceType = Permit, kind = "Exam", score = 86 }, admin)
                .ExpectAsync(HttpStatusCode.Created);
        }

        foreach (var kind in new[] { "Interview", "Training" })
        {
            await gateway.PostAsJsonAsync($"/api/staff/{certified}/qualifications", new { serviceType = Permit, kind, passed = true }, admin)
                .ExpectAsync(HttpStatusCode.Created);
        }

        var allowed = await DecisionAsync(admin, office, certified);
        Assert.True(allowed["allowed"]!.GetValue<bool>(), allowed.ToJsonString());
        // Asked twice, so the second answer comes from Redis — and the revoke must still win over it.
        Assert.True((await DecisionAsync(admin, office, certified))["allowed"]!.GetValue<bool>());

        var refusedExamOnly = await DecisionAsync(admin, office, examOnly);
        Assert.Equal("NotCertified", refusedExamOnly["reason"]!.GetValue<string>());

        var revoked = await gateway.DeleteAsync($"/api/offices/{office}/licences/{Permit}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.False(revoked["active"]!.GetValue<bool>());

        var afterRevoke = await DecisionAsync(admin, office, certified);
        Assert.False(afterRevoke["allowed"]!.GetValue<bool>());
        Assert.Equal("LicenceRevoked", afterRevoke["reason"]!.GetValue<string>());

        // The office list through the gateway shows it unlicensed for the type now.
        var licensed = await gateway.GetAsync($"/api/offices?district=12&serviceType={Permit}&pageSize=100", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(licensed["items"]!.AsArray(), o => o!["code"]!.GetValue<string>() == office);
    }

    [Fact]
    public async Task Urban_planning_sees_a_revoked_licence_within_the_by_laws_five_seconds_over_gRPC()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 14);
        var file = new { renovationCode = world.RenovationCode, applicantNationalId = world.ApplicantNationalId, officeCode = world.OfficeCode };

        await gateway.PostAsJsonAsync("/api/urban-planning/files", file, world.OperatorToken).ExpectAsync(HttpStatusCode.Created);

        await gateway.DeleteAsync($"/api/offices/{world.OfficeCode}/licences/URBAN_FILE", admin).ExpectAsync(HttpStatusCode.OK);

        // Urban planning keeps office management's answer up to 5 s, dropped as soon as the change's event
        // arrives: within 5 s the operator is refused with the reason (before the file-exists conflict).
        var refused = await Eventually.ReturnsAsync(async () =>
        {
            using var response = await gateway.PostAsJsonAsync("/api/urban-planning/files", file, world.OperatorToken);
            return response.StatusCode == HttpStatusCode.Forbidden ? await response.ReadJsonAsync(HttpStatusCode.Forbidden) : null;
        }, TimeSpan.FromSeconds(5), "urban planning refusing the operator of an office whose licence was revoked");
        Assert.Equal("LicenceRevoked", refused["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_catalog_is_open_to_any_caller_and_the_offices_manager_reads_its_scorecard()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);

        var catalog = await gateway.GetAsync("/api/service-types", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(9, catalog.AsArray().Count);
        Assert.Equal("پروانه ساختمانی", catalog.AsArray().Single(t => t!["code"]!.GetValue<string>() == Permit)!["titleFa"]!.GetValue<string>());

        var world = await SampleWorld.CreateAsync(gateway, admin, district: 15);
        var card = await gateway.GetAsync($"/api/offices/{world.OfficeCode}/scorecard", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(world.OfficeCode, card["officeCode"]!.GetValue<string>());

        // The SampleWorld operator is an Operator, not the Manager: refused with the reason.
        var refused = await gateway.GetAsync($"/api/offices/{world.OfficeCode}/scorecard", world.OperatorToken).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("NotOfficeManager", refused["reason"]!.GetValue<string>());

        var ranking = await gateway.GetAsync("/api/offices/scorecards", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.NotNull(ranking["total"]);
    }

    private Task<System.Text.Json.Nodes.JsonNode> DecisionAsync(string admin, string office, string person) =>
        stack.Gateway.GetAsync($"/api/offices/{office}/authorization?operatorNationalId={person}&serviceType={Permit}", admin).ExpectAsync(HttpStatusCode.OK);
}
