using System.Net;
using System.Text.Json.Nodes;
using Xunit;
using static CityEServices.EndToEnd.Tests.ArchiveUploads;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// A building permit through the gateway with every real service: the operator opens the file and
/// scans documents into the archive; the request waits for the one still missing and moves to
/// Submitted by itself when it is scanned; a reviewer of another district gets 403, issuing before
/// payment is a 409; review → fee → payment → issue. Then the services that hear the events show it:
/// the archive files a system PERMIT record, the office's scorecard counts the issued request, the
/// property registry shows the permitted construction, and the citizen's tracking code shows the whole
/// timeline in Solar Hijri times.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class UrbanPlanningEndToEndTests(CityStackFixture stack)
{
    // Events cross RabbitMQ and inbox consumers; a shared, loaded machine can take tens of seconds.
    private static readonly TimeSpan EventDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Building_permit_from_file_opening_and_scans_to_issued_and_its_effects_in_every_service()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 18);
        await AuthoriseAsync(gateway, admin, world, "BUILDING_PERMIT");
        var reviewer = await CreateReviewerAsync(gateway, admin, district: 18);
        var otherReviewer = await CreateReviewerAsync(gateway, admin, district: 4);

        var opened = await gateway.OpenFileAsync(world);
        var fileNumber = opened["fileNumber"]!.GetValue<string>();
        var trackingCode = opened["trackingCode"]!.GetValue<string>();

        // The archive opens the file's dossier when it hears UrbanPlanningFileOpened.
        await Eventually.UntilAsync(async () =>
        {
            using var response = await gateway.GetAsync($"/api/archive/dossiers/{fileNumber}", world.OperatorToken);
            return response.StatusCode == HttpStatusCode.OK;
        }, EventDeadline, "the archive's dossier of the newly opened file");

        // The operator scans three of the four documents a building permit needs at the counter.
        foreach (var (category, title) in new[] { ("OWNERSHIP_DEED", "سند مالکیت"), ("IDENTITY_DOCUMENT", "کارت ملی متقاضی"), ("ARCHITECTURAL_PLAN", "نقشه معماری") })
        {
            await ScanAsync(gateway, world, fileNumber, category, title);
        }

        // The request asks the archive what the dossier holds: only the structural plan is missing.
        var created = await gateway.PostAsJsonAsync($"/api/urban-planning/files/{fileNumber}/requests", new
        {
            serviceType = "BUILDING_PERMIT",
            details = new { floors = 4, areaM2 = 610, usage = "Residential" },
        }, world.OperatorToken).ExpectAsync(HttpStatusCode.Created);
        var requestId = created["requestId"]!.GetValue<string>();
        Assert.Equal("AwaitingDocuments", created["status"]!.GetValue<string>());
        Assert.Equal(["STRUCTURAL_PLAN"], created["missingDocumentCategories"]!.AsArray().Select(c => c!.GetValue<string>()));

        // Scanning the last one moves the request on by itself (DocumentArchived → urban planning).
        await ScanAsync(gateway, world, fileNumber, "STRUCTURAL_PLAN", "نقشه سازه");
        var submitted = await Eventually.ReturnsAsync(async () =>
        {
            var request = await gateway.GetAsync($"/api/urban-planning/requests/{requestId}", world.OperatorToken).ExpectAsync(HttpStatusCode.OK);
            return request["status"]!.GetValue<string>() == "Submitted" ? request : null;
        }, EventDeadline, "the building permit request Submitted once its last document is archived");
        Assert.Empty(submitted["missingDocumentCategories"]?.AsArray() ?? []);

        await ActAsync(gateway, requestId, otherReviewer, new { action = "review" }, HttpStatusCode.Forbidden);
        await ActAsync(gateway, requestId, reviewer, new { action = "review", note = "بررسی نقشه‌ها" }, HttpStatusCode.OK);
        var assessed = await ActAsync(gateway, requestId, reviewer, new { action = "assessFee" }, HttpStatusCode.OK);
        var fee = assessed["feeRial"]!.GetValue<decimal>();
        Assert.Equal(6_000_000m + (150_000m * 610) + (1_000_000m * 4), fee); // the 1405 tariff: base + per m² + per floor
        var early = await ActAsync(gateway, requestId, reviewer, new { action = "issue" }, HttpStatusCode.Conflict);
        Assert.Equal("InvalidTransition", early["reason"]!.GetValue<string>());
        await ActAsync(gateway, requestId, world.OperatorToken, new { action = "pay", amount = fee, receipt = "E2E-RECEIPT-1" }, HttpStatusCode.OK);
        var issued = await ActAsync(gateway, requestId, reviewer, new { action = "issue", note = "صادر شد" }, HttpStatusCode.OK);
        Assert.Equal("Issued", issued["status"]!.GetValue<string>());
        var permitNumber = issued["issuedNumber"]!.GetValue<string>();
        Assert.Equal($"BP-{fileNumber}-01", permitNumber);

        await AssertArchiveFiledThePermitAsync(gateway, admin, fileNumber, world.RenovationCode, permitNumber);
        await AssertScorecardCountsTheIssuedRequestAsync(gateway, admin, world.OfficeCode);
        await AssertPropertyShowsThePermittedConstructionAsync(gateway, admin, world.RenovationCode, permitNumber);
        await AssertTrackingShowsTheWholeTimelineAsync(gateway, trackingCode, world.ApplicantNationalId);
    }

    private static async Task ScanAsync(HttpClient gateway, SampleWorld world, string fileNumber, string category, string title)
    {
        var receipt = await PostFormAsync(gateway, "/api/archive/documents", Form(Pdf(category), $"{category.ToLowerInvariant()}.pdf", "application/pdf",
                ("category", category), ("renovationCode", world.RenovationCode), ("fileNumber", fileNumber), ("title", title), ("source", "OfficeScan")),
            world.OperatorToken).ExpectAsync(HttpStatusCode.Created);
        Assert.False(receipt["alreadyArchived"]!.GetValue<bool>());
    }

    /// <summary>BuildingPermitIssued → the archive's one-page system record, category PERMIT, in the file's dossier.</summary>
    private static async Task AssertArchiveFiledThePermitAsync(HttpClient gateway, string admin, string fileNumber, string renovationCode, string permitNumber)
    {
        var permit = await Eventually.ReturnsAsync(async () =>
        {
            var page = await gateway.GetAsync($"/api/archive/documents?fileNumber={fileNumber}&category=PERMIT", admin).ExpectAsync(HttpStatusCode.OK);
            return page["items"]!.AsArray().SingleOrDefault();
        }, EventDeadline, "the archive's PERMIT record of the issued building permit");
        Assert.Equal("System", permit["source"]!.GetValue<string>());
        Assert.Equal(renovationCode, permit["renovationCode"]!.GetValue<string>());
        Assert.Contains(permitNumber, permit["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("application/pdf", permit["contentType"]!.GetValue<string>());
    }

    /// <summary>ServiceRequestSubmitted + ServiceRequestStatusChanged → office management's scorecard of the (new) office.</summary>
    private static async Task AssertScorecardCountsTheIssuedRequestAsync(HttpClient gateway, string admin, string officeCode)
    {
        var card = await Eventually.ReturnsAsync(async () =>
        {
            var scorecard = await gateway.GetAsync($"/api/offices/{officeCode}/scorecard", admin).ExpectAsync(HttpStatusCode.OK);
            return scorecard["totals"]!["issued"]!.GetValue<int>() == 1 ? scorecard : null;
        }, EventDeadline, "the office's scorecard counting the issued building permit");
        var totals = card["totals"]!;
        Assert.Equal(1, totals["requests"]!.GetValue<int>());
        Assert.Equal(0, totals["returned"]!.GetValue<int>());
        Assert.Equal(1m, totals["firstTimeRightRate"]!.GetValue<decimal>());
        Assert.NotNull(totals["medianTurnaroundHours"]);
        var permits = card["byServiceType"]!.AsArray().Single(t => t!["serviceType"]!.GetValue<string>() == "BUILDING_PERMIT")!;
        Assert.Equal(1, permits["figures"]!["issued"]!.GetValue<int>());
    }

    /// <summary>BuildingPermitIssued → the property registry records what the permit allows, and the work as under way.</summary>
    private static async Task AssertPropertyShowsThePermittedConstructionAsync(HttpClient gateway, string admin, string renovationCode, string permitNumber)
    {
        var property = await Eventually.ReturnsAsync(async () =>
        {
            var read = await gateway.GetAsync($"/api/properties/{renovationCode}", admin).ExpectAsync(HttpStatusCode.OK);
            return read["permittedConstruction"] is JsonObject ? read : null;
        }, EventDeadline, "the property's permitted construction from the issued building permit");
        var permitted = property["permittedConstruction"]!;
        Assert.Equal(permitNumber, permitted["permitNumber"]!.GetValue<string>());
        Assert.Equal(4, permitted["floors"]!.GetValue<int>());
        Assert.Equal(610m, permitted["buildingAreaM2"]!.GetValue<decimal>());
        Assert.Equal("Residential", permitted["usage"]!.GetValue<string>());
        Assert.True(property["restrictions"]!["underConstruction"]!.GetValue<bool>());
        Assert.Null(property["completedConstruction"]);
    }

    /// <summary>The citizen, anonymously, with the tracking code and their national ID.</summary>
    private static async Task AssertTrackingShowsTheWholeTimelineAsync(HttpClient gateway, string trackingCode, string nationalId)
    {
        using var tracked = await gateway.GetAsync($"/api/track/{trackingCode}?nationalId={nationalId}");
        var track = await tracked.ReadJsonAsync(HttpStatusCode.OK);
        var request = track["requests"]!.AsArray().Single()!;
        Assert.Equal("Issued", request["status"]!.GetValue<string>());
        var timeline = request["timeline"]!.AsArray();
        Assert.Equal(
            ["AwaitingDocuments", "Submitted", "UnderReview", "FeeAssessed", "Paid", "Issued"],
            timeline.Select(t => t!["toStatus"]!.GetValue<string>()));
        // Each step starts where the previous one ended.
        Assert.Equal(
            timeline.SkipLast(1).Select(t => t!["toStatus"]!.GetValue<string>()),
            timeline.Skip(1).Select(t => t!["fromStatus"]!.GetValue<string>()));
        const string Jalali = @"^14\d\d/\d\d/\d\d \d\d:\d\d$";
        Assert.Matches(Jalali, track["openedAt"]!["jalali"]!.GetValue<string>());
        Assert.All(timeline, t => Assert.Matches(Jalali, t!["at"]!["jalali"]!.GetValue<string>()));
        var times = timeline.Select(t => t!["at"]!["utc"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.Order(), times);

        using var wrong = await gateway.GetAsync($"/api/track/{trackingCode}?nationalId={NationalIds.Next()}");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }

    private static async Task AuthoriseAsync(HttpClient gateway, string admin, SampleWorld world, string serviceType)
    {
        await gateway.PostAsJsonAsync($"/api/offices/{world.OfficeCode}/licences", new { serviceType }, admin).ExpectAsync(HttpStatusCode.Created);
        foreach (var kind in new[] { "Exam", "Interview", "Training" })
        {
            await gateway.PostAsJsonAsync($"/api/staff/{world.OperatorNationalId}/qualifications", new { serviceType, kind, score = 90, passed = true }, admin)
                .ExpectAsync(HttpStatusCode.Created);
        }
    }

    private static async Task<string> CreateReviewerAsync(HttpClient gateway, string admin, int district)
    {
        var userName = $"reviewer{district}x{Guid.NewGuid().ToString("N")[..6]}";
        const string password = "Reviewer-Passw0rd";
        await gateway.PostAsJsonAsync("/api/identity/users", new { userName, password, roles = new[] { "district-reviewer" }, district }, admin)
            .ExpectAsync(HttpStatusCode.Created);
        return await gateway.GetTokenAsync(userName, password);
    }

    private static Task<JsonNode> ActAsync(HttpClient gateway, string requestId, string token, object body, HttpStatusCode expected) =>
        gateway.PostAsJsonAsync($"/api/urban-planning/requests/{requestId}/actions", body, token).ExpectAsync(expected);
}
