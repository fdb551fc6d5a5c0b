using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// A building permit through the gateway of the running stack, from opening the file to Issued:
/// the request waits for documents, moves to Submitted by itself when the last one is archived, and
/// walks review → fee → payment → issue; issuing before payment is a 409; a reviewer of another
/// district gets 403; the citizen's tracking code shows the whole timeline in Solar Hijri dates.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class UrbanPlanningEndToEndTests(CityStackFixture stack)
{
    private static readonly TimeSpan EventDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Building_permit_from_file_opening_to_issued()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 18);
        await AuthoriseAsync(gateway, admin, world, "BUILDING_PERMIT");
        var reviewer = await CreateReviewerAsync(gateway, admin, district: 18);
        var otherReviewer = await CreateReviewerAsync(gateway, admin, district: 4);

        var opened = await gateway.PostAsJsonAsync("/api/urban-planning/files", new
        {
            renovationCode = world.RenovationCode,
            applicantNationalId = world.ApplicantNationalId,
            officeCode = world.OfficeCode,
        }, world.OperatorToken).ExpectAsync(HttpStatusCode.Created);
        var fileNumber = opened["fileNumber"]!.GetValue<string>();
        var trackingCode = opened["trackingCode"]!.GetValue<string>();

        // The archive holds nothing for this new property yet: the request waits for all four documents.
        var created = await gateway.PostAsJsonAsync($"/api/urban-planning/files/{fileNumber}/requests", new
        {
            serviceType = "BUILDING_PERMIT",
            details = new { floors = 4, areaM2 = 610, usage = "Residential" },
        }, world.OperatorToken).ExpectAsync(HttpStatusCode.Created);
        var requestId = created["requestId"]!.GetValue<string>();
        Assert.Equal("AwaitingDocuments", created["status"]!.GetValue<string>());
        Assert.Equal(4, created["missingDocumentCategories"]!.AsArray().Count);

        // Documents reach the archive; when the last one is in, the request moves on by itself.
        foreach (var category in new[] { "OWNERSHIP_DEED", "IDENTITY_DOCUMENT", "ARCHITECTURAL_PLAN", "STRUCTURAL_PLAN" })
        {
            await stack.PublishDocumentArchivedAsync(category, fileNumber, world.RenovationCode);
        }

        await Eventually.ReturnsAsync(async () =>
        {
            var request = await gateway.GetAsync($"/api/urban-planning/requests/{requestId}", world.OperatorToken).ExpectAsync(HttpStatusCode.OK);
            return request["status"]!.GetValue<string>() == "Submitted" ? request : null;
        }, EventDeadline, "the building permit request Submitted once its documents are archived");

        await ActAsync(gateway, requestId, otherReviewer, new { action = "review" }, HttpStatusCode.Forbidden);
        await ActAsync(gateway, requestId, reviewer, new { action = "review", note = "بررسی نقشه‌ها" }, HttpStatusCode.OK);
        var assessed = await ActAsync(gateway, requestId, reviewer, new { action = "assessFee" }, HttpStatusCode.OK);
        var fee = assessed["feeRial"]!.GetValue<decimal>();
        Assert.True(fee > 0);
        var early = await ActAsync(gateway, requestId, reviewer, new { action = "issue" }, HttpStatusCode.Conflict);
        Assert.Equal("InvalidTransition", early["reason"]!.GetValue<string>());
        await ActAsync(gateway, requestId, world.OperatorToken, new { action = "pay", amount = fee, receipt = "E2E-RECEIPT-1" }, HttpStatusCode.OK);
        var issued = await ActAsync(gateway, requestId, reviewer, new { action = "issue", note = "صادر شد" }, HttpStatusCode.OK);
        Assert.Equal("Issued", issued["status"]!.GetValue<string>());
        Assert.Equal($"BP-{fileNumber}-01", issued["issuedNumber"]!.GetValue<string>());

        // The citizen, anonymously, with the tracking code and their national ID.
        using var tracked = await gateway.GetAsync($"/api/track/{trackingCode}?nationalId={world.ApplicantNationalId}");
        var track = await tracked.ReadJsonAsync(HttpStatusCode.OK);
        var timeline = track["requests"]!.AsArray().Single()!["timeline"]!.AsArray();
        Assert.Equal(
            ["AwaitingDocuments", "Submitted", "UnderReview", "FeeAssessed", "Paid", "Issued"],
            timeline.Select(t => t!["toStatus"]!.GetValue<string>()));
        Assert.All(timeline, t => Assert.Matches(@"^14\d\d/\d\d/\d\d \d\d:\d\d$", t!["at"]!["jalali"]!.GetValue<string>()));

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
