using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// A building permit through the gateway with every real service: the operator opens the file and
/// scans documents into the archive; the request waits for the one still missing and moves to
/// Submitted by itself when it is scanned; a reviewer of another district gets 403, issuing before
/// payment is a 409; review → fee (and its payment order) → the citizen's bank confirms the payment
/// (a wrong amount changes nothing, a replay pays nothing twice, a client without <c>payments</c> and
/// the <c>pay</c> action are closed to it) → issue; a client without <c>pii.read</c> reads the file with
/// the applicant's national ID masked. Then the services that hear the events show it:
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
        await gateway.AuthoriseAsync(admin, world, "BUILDING_PERMIT");
        var reviewer = await gateway.CreateReviewerAsync(admin, district: 18);
        var otherReviewer = await gateway.CreateReviewerAsync(admin, district: 4);

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
            await gateway.ScanAsync(world, fileNumber, category, title);
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
        await gateway.ScanAsync(world, fileNumber, "STRUCTURAL_PLAN", "نقشه سازه");
        var submitted = await Eventually.ReturnsAsync(async () =>
        {
            var request = await gateway.GetAsync($"/api/urban-planning/requests/{requestId}", world.OperatorToken).ExpectAsync(HttpStatusCode.OK);
            return request["status"]!.GetValue<string>() == "Submitted" ? request : null;
        }, EventDeadline, "the building permit request Submitted once its last document is archived");
        Assert.Empty(submitted["missingDocumentCategories"]?.AsArray() ?? []);

        await gateway.ActAsync(requestId, otherReviewer, new { action = "review" }, HttpStatusCode.Forbidden);
        await gateway.ActAsync(requestId, reviewer, new { action = "review", note = "بررسی نقشه‌ها" }, HttpStatusCode.OK);
        var assessed = await gateway.ActAsync(requestId, reviewer, new { action = "assessFee" }, HttpStatusCode.OK);
        var fee = assessed["feeRial"]!.GetValue<decimal>();
        Assert.Equal(ExpectedFee(assessed["rulesVersion"]!.GetValue<int>(), areaM2: 610, floors: 4), fee);
        var early = await gateway.ActAsync(requestId, reviewer, new { action = "issue" }, HttpStatusCode.Conflict);
        Assert.Equal("InvalidTransition", early["reason"]!.GetValue<string>());
        await PayThroughTheBankAsync(gateway, admin, requestId, fee);
        await AssertAClientWithoutPiiReadSeesNoNationalIdAsync(gateway, admin, fileNumber, world.ApplicantNationalId);
        var issued = await gateway.ActAsync(requestId, reviewer, new { action = "issue", note = "صادر شد" }, HttpStatusCode.OK);
        Assert.Equal("Issued", issued["status"]!.GetValue<string>());
        var permitNumber = issued["issuedNumber"]!.GetValue<string>();
        // The permit's number is its document's: 13 Crockford base32 symbols, nothing in it counts.
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{13}$", permitNumber);

        await AssertArchiveFiledThePermitAsync(gateway, admin, fileNumber, world.RenovationCode, permitNumber);
        await AssertScorecardCountsTheIssuedRequestAsync(gateway, admin, world.OfficeCode);
        await AssertPropertyShowsThePermittedConstructionAsync(gateway, admin, world.RenovationCode, permitNumber);
        await AssertTrackingShowsTheWholeTimelineAsync(gateway, trackingCode, world.ApplicantNationalId);
        await AssertThePermitDocumentVerifiesUntilRevokedAsync(gateway, admin, reviewer, requestId, permitNumber);
    }

    /// <summary>
    /// The issued PDF is downloadable by the file's readers, anyone verifies its number anonymously
    /// through the gateway and on the /verify page, the key set is public, and a revocation shows at once.
    /// </summary>
    private static async Task AssertThePermitDocumentVerifiesUntilRevokedAsync(HttpClient gateway, string admin, string reviewer, string requestId, string number)
    {
        var pdf = await gateway.GetAsync($"/api/urban-planning/requests/{requestId}/document", admin);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 5), StringComparison.Ordinal);

        var valid = await gateway.GetAsync($"/api/verify/{number}").ContinueWith(t => t.Result.ReadJsonAsync(HttpStatusCode.OK)).Unwrap();
        Assert.Equal("valid", valid["status"]!.GetValue<string>());
        var onPage = await VerifyPageBrowser.StatusOfAsync(gateway, number);
        Assert.Equal(("وضعیت: معتبر است", "status valid"), onPage);
        var keys = await gateway.GetAsync("/.well-known/city-document-keys");
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        Assert.NotEmpty(JsonNode.Parse(await keys.Content.ReadAsStringAsync())!["keys"]!.AsArray());

        await gateway.PostAsJsonAsync($"/api/urban-planning/requests/{requestId}/revocations", new { reason = "آزمون ابطال" }, reviewer).ExpectAsync(HttpStatusCode.Created);
        var revoked = await gateway.GetAsync($"/api/verify/{number}").ContinueWith(t => t.Result.ReadJsonAsync(HttpStatusCode.OK)).Unwrap();
        Assert.Equal("revoked", revoked["status"]!.GetValue<string>());
        Assert.Equal(("وضعیت: ابطال شده است", "status revoked"), await VerifyPageBrowser.StatusOfAsync(gateway, number));
    }

    /// <summary>
    /// The fee by the tariff the request was made under (its rulesVersion), whatever today's date:
    /// 1404 (v1) base + per m²; 1405 (v2) base + per m² + per floor.
    /// </summary>
    private static decimal ExpectedFee(int rulesVersion, decimal areaM2, int floors) => rulesVersion switch
    {
        1 => 5_000_000m + (120_000m * areaM2),
        2 => 6_000_000m + (150_000m * areaM2) + (1_000_000m * floors),
        _ => throw new Xunit.Sdk.XunitException($"No building-permit tariff v{rulesVersion} is known to this test."),
    };

    /// <summary>
    /// The citizen pays at their bank, and the bank (a client granted payments) confirms the payment
    /// order; nobody declares a payment. Wrong amounts change nothing, a replay is the first answer, and
    /// the bank sees the confirmation in its settlement list of that Tehran day.
    /// </summary>
    private static async Task PayThroughTheBankAsync(HttpClient gateway, string admin, string requestId, decimal fee)
    {
        var bank = await gateway.CreateClientAsync(admin, "Bank Melli", "payments");
        var utility = await gateway.CreateClientAsync(admin, "Tehran Water", "urban-planning.read");
        var integratorPay = await gateway.ActAsync(requestId, bank, new { action = "pay", amount = fee, receipt = "E2E-SELF-DECLARED" }, HttpStatusCode.Forbidden);
        Assert.Equal("insufficient_scope", integratorPay["reason"]!.GetValue<string>());

        var order = await gateway.GetAsync($"/api/urban-planning/requests/{requestId}/payment-order", bank).ExpectAsync(HttpStatusCode.OK);
        var orderId = order["orderId"]!.GetValue<string>();
        Assert.Equal(fee, order["amountRial"]!.GetValue<decimal>());
        Assert.Equal("IR820540102680020817909002", order["sheba"]!.GetValue<string>());
        Assert.Equal("Pending", order["status"]!.GetValue<string>());

        var reference = $"E2E-{Guid.NewGuid().ToString("N")[..16].ToUpperInvariant()}";
        object Confirmation(decimal amount) => new { amountRial = amount, bankReference = reference, paidAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O") };
        var refused = await gateway.PostAsJsonAsync($"/api/payments/{orderId}/confirmations", Confirmation(fee - 1), utility).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("insufficient_scope", refused["reason"]!.GetValue<string>());
        var mismatch = await gateway.PostAsJsonAsync($"/api/payments/{orderId}/confirmations", Confirmation(fee - 1), bank).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("AmountMismatch", mismatch["reason"]!.GetValue<string>());
        var unpaid = await gateway.GetAsync($"/api/urban-planning/requests/{requestId}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("FeeAssessed", unpaid["status"]!.GetValue<string>());

        var confirmed = await gateway.PostAsJsonAsync($"/api/payments/{orderId}/confirmations", Confirmation(fee), bank).ExpectAsync(HttpStatusCode.Created);
        var replayed = await gateway.PostAsJsonAsync($"/api/payments/{orderId}/confirmations", Confirmation(fee), bank).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(confirmed.ToJsonString(), replayed.ToJsonString());
        var paid = await gateway.GetAsync($"/api/urban-planning/requests/{requestId}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Paid", paid["status"]!.GetValue<string>());
        var byBank = paid["history"]!.AsArray().Last()!["actor"]!.GetValue<string>();
        Assert.Equal($"client:{confirmed["payer"]!.GetValue<string>()}", byBank);
        Assert.Single(paid["history"]!.AsArray(), h => h!["toStatus"]!.GetValue<string>() == "Paid");

        // The bank's settlement list of the Tehran day the city recorded it holds it.
        var recordedAt = confirmed["recordedAt"]!["utc"]!.GetValue<DateTimeOffset>();
        var day = recordedAt.ToOffset(TimeSpan.FromHours(3.5)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var settlement = await gateway.GetAsync($"/api/payments/settlements?date={day}", bank).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(settlement["items"]!.AsArray(), i => i!["reference"]!.GetValue<string>() == reference);
        Assert.All(settlement["banks"]!.AsArray(), b => Assert.Equal(confirmed["payer"]!.GetValue<string>(), b!["bank"]!.GetValue<string>()));
    }

    /// <summary>An integrator granted urban-planning.read but not pii.read reads the file, never the applicant's national ID.</summary>
    private static async Task AssertAClientWithoutPiiReadSeesNoNationalIdAsync(HttpClient gateway, string admin, string fileNumber, string applicant)
    {
        var reader = await gateway.CreateClientAsync(admin, "Tehran Gas", "urban-planning.read");
        using var response = await gateway.GetAsync($"/api/urban-planning/files/{fileNumber}", reader);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(applicant, text, StringComparison.Ordinal);
        var file = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        Assert.Equal($"{applicant[..2]}******{applicant[^2..]}", file["applicantNationalId"]!.GetValue<string>());
    }

    /// <summary>
    /// IssuedDocumentRendered → the archive keeps the Persian PDF as the file's one PERMIT record,
    /// carrying the document number (no Latin system record beside it).
    /// </summary>
    private static async Task AssertArchiveFiledThePermitAsync(HttpClient gateway, string admin, string fileNumber, string renovationCode, string permitNumber)
    {
        var permit = await Eventually.ReturnsAsync(async () =>
        {
            var page = await gateway.GetAsync($"/api/archive/documents?fileNumber={fileNumber}&category=PERMIT", admin).ExpectAsync(HttpStatusCode.OK);
            return page["items"]!.AsArray().SingleOrDefault();
        }, EventDeadline, "the archive's PERMIT record of the issued building permit");
        Assert.Equal("System", permit["source"]!.GetValue<string>());
        Assert.Equal(renovationCode, permit["renovationCode"]!.GetValue<string>());
        Assert.Equal(permitNumber, permit["documentNumber"]!.GetValue<string>());
        Assert.Equal("application/pdf", permit["contentType"]!.GetValue<string>());
        Assert.True(permit["pages"]!.GetValue<int>() >= 1);

        // The archived content is the PDF as issued: it reads back with the hash the record (and the event) carries.
        var archived = await gateway.GetAsync($"/api/archive/documents/{permit["documentId"]!.GetValue<string>()}/content", admin);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.Equal("application/pdf", archived.Content.Headers.ContentType?.MediaType);
        var bytes = await archived.Content.ReadAsByteArrayAsync();
        Assert.Equal(permit["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
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
}
