using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// Through the gateway, with every service real (issue 18, citizen sign-in): a file opened with the
/// applicant's mobile, a sign-in code asked for anonymously, identity's outbox → notifications → the
/// Development SMS sink, the citizen-otp grant, and the citizen's token refused by staff endpoints.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed partial class CitizenSignInEndToEndTests(CityStackFixture stack)
{
    [Fact]
    public async Task A_citizen_signs_in_with_the_code_texted_to_the_mobile_their_file_gave_and_is_no_member_of_staff()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 7);
        var mobile = $"+98912{Random.Shared.Next(1_000_000, 9_999_999)}";
        var opened = await gateway.PostAsJsonAsync("/api/urban-planning/files", new
        {
            renovationCode = world.RenovationCode,
            applicantNationalId = world.ApplicantNationalId,
            officeCode = world.OfficeCode,
            applicantMobile = mobile,
        }, world.OperatorToken).ExpectAsync(HttpStatusCode.Created);
        var fileNumber = opened["fileNumber"]!.GetValue<string>();

        // The file-opened SMS shows notifications knows the mobile; then the code is asked for.
        await SmsToAsync(gateway, admin, mobile, texts => texts.Count >= 1, "the file-opened SMS");
        var accepted = await RequestCodeAsync(gateway, world.ApplicantNationalId).ExpectAsync(HttpStatusCode.Accepted);
        var code = CodeIn(await SmsToAsync(gateway, admin, mobile, texts => texts.Any(t => CodeIn(t) is not null), "the sign-in code's SMS"));

        // Someone with no mobile on file gets the very same answer.
        var stranger = await RequestCodeAsync(gateway, NationalIds.Next()).ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal(accepted["detail"]!.GetValue<string>(), stranger["detail"]!.GetValue<string>());

        var token = await CitizenTokenAsync(gateway, world.ApplicantNationalId, code!);
        Assert.Equal(HttpStatusCode.Forbidden, (await gateway.GetAsync($"/api/urban-planning/files/{fileNumber}", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gateway.GetAsync("/api/identity/users", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gateway.GetAsync($"/api/properties/{world.RenovationCode}", token)).StatusCode);

        // The code is spent.
        using var again = await PostTokenAsync(gateway, world.ApplicantNationalId, code!);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        await ServedWithoutAVisitAsync(gateway, admin, world, fileNumber, token);
    }

    /// <summary>
    /// The citizen sees their file and what a request still lacks, uploads the missing documents from home,
    /// and the request moves on; another file's request is a 404 to them.
    /// </summary>
    private static async Task ServedWithoutAVisitAsync(HttpClient gateway, string admin, SampleWorld world, string fileNumber, string token)
    {
        const string certificate = "NO_VIOLATION_CERTIFICATE";
        await gateway.AuthoriseAsync(admin, world, certificate);
        var created = await gateway.PostAsJsonAsync($"/api/urban-planning/files/{fileNumber}/requests", new { serviceType = certificate }, world.OperatorToken)
            .ExpectAsync(HttpStatusCode.Created);
        var requestId = created["requestId"]!.GetValue<string>();

        // Their property, with their own four dang and not the co-owner (served by the registry through the gateway).
        var properties = await gateway.GetAsync("/api/me/properties", token).ExpectAsync(HttpStatusCode.OK);
        var property = Assert.Single(properties["items"]!.AsArray())!;
        Assert.Equal((world.RenovationCode, "4"), (property["renovationCode"]!.GetValue<string>(), property["myShareFraction"]!.GetValue<string>()));

        var files = await gateway.GetAsync("/api/me/files", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(fileNumber, Assert.Single(files["items"]!.AsArray())!["fileNumber"]!.GetValue<string>());
        var request = await gateway.GetAsync($"/api/me/requests/{requestId}", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("AwaitingDocuments", request["status"]!.GetValue<string>());
        var missing = request["missingDocumentCategories"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(["IDENTITY_DOCUMENT", "OWNERSHIP_DEED"], missing);

        foreach (var category in missing)
        {
            using var form = ArchiveUploads.Form(ArchiveUploads.Pdf(category), $"{category}.pdf", "application/pdf",
                ("category", category), ("fileNumber", fileNumber), ("title", "مدرک ارسالی شهروند"));
            using var upload = await ArchiveUploads.PostFormAsync(gateway, "/api/archive/documents", form, token);
            var documentId = (await upload.ReadJsonAsync(HttpStatusCode.Created))["documentId"]!.GetValue<string>();
            var archived = await gateway.GetAsync($"/api/archive/documents/{documentId}", admin).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("CitizenUpload", archived["source"]!.GetValue<string>());
        }

        await Eventually.UntilAsync(
            async () => (await gateway.GetAsync($"/api/me/requests/{requestId}", token).ExpectAsync(HttpStatusCode.OK))["status"]!.GetValue<string>() == "Submitted",
            TimeSpan.FromSeconds(30),
            "the request to move on once the citizen's documents are archived");

        // Someone else's file: its request is a 404, and so is an upload to it.
        var other = await SampleWorld.CreateAsync(gateway, admin, district: 7);
        var otherFile = (await gateway.OpenFileAsync(other))["fileNumber"]!.GetValue<string>();
        await gateway.AuthoriseAsync(admin, other, certificate);
        var otherRequest = (await gateway.PostAsJsonAsync($"/api/urban-planning/files/{otherFile}/requests", new { serviceType = certificate }, other.OperatorToken)
            .ExpectAsync(HttpStatusCode.Created))["requestId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.GetAsync($"/api/me/requests/{otherRequest}", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.GetAsync($"/api/me/requests/{otherRequest}/payment-order", token)).StatusCode);
        using var intrusion = ArchiveUploads.Form(ArchiveUploads.Pdf("x"), "x.pdf", "application/pdf", ("category", "IDENTITY_DOCUMENT"), ("fileNumber", otherFile), ("title", "x"));
        using var refused = await ArchiveUploads.PostFormAsync(gateway, "/api/archive/documents", intrusion, token);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    private static Task<HttpResponseMessage> RequestCodeAsync(HttpClient gateway, string nationalId) =>
        gateway.PostAsJsonAsync("/api/identity/citizens/sign-in-codes", new { nationalId });

    private static Task<HttpResponseMessage> PostTokenAsync(HttpClient gateway, string nationalId, string code) =>
        gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ir:tehran:city:citizen-otp",
            ["client_id"] = "city-citizen",
            ["national_id"] = nationalId,
            ["code"] = code,
        }));

    private static async Task<string> CitizenTokenAsync(HttpClient gateway, string nationalId, string code)
    {
        using var response = await PostTokenAsync(gateway, nationalId, code);
        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        return body["access_token"]!.GetValue<string>();
    }

    /// <summary>The sink's texts to <paramref name="mobile"/>, once <paramref name="enough"/> holds.</summary>
    private static async Task<IReadOnlyList<string>> SmsToAsync(HttpClient gateway, string admin, string mobile, Func<IReadOnlyList<string>, bool> enough, string what)
    {
        IReadOnlyList<string> texts = [];
        JsonNode? last = null;
        try
        {
            await Eventually.UntilAsync(async () =>
            {
                last = await gateway.GetAsync($"/api/notifications/sms?mobile={Uri.EscapeDataString(mobile)}&pageSize=100", admin).ExpectAsync(HttpStatusCode.OK);
                texts = [.. last["items"]!.AsArray().Select(i => i!["message"]!.GetValue<string>())];
                return enough(texts);
            }, TimeSpan.FromSeconds(60), what);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{e.Message}; the sink's last answer: {last?.ToJsonString()}", e);
        }

        return texts;
    }

    private static string? CodeIn(IReadOnlyList<string> texts) => texts.Select(CodeIn).FirstOrDefault(c => c is not null);

    private static string? CodeIn(string text) => SignInCode().Match(text) is { Success: true } match ? match.Groups[1].Value : null;

    // "کد ورود شما 123456." — by its words, not any six digits: a tracking code in another SMS may hold a run of six.
    [GeneratedRegex("کد ورود شما ([0-9]{6})")]
    private static partial Regex SignInCode();
}
