using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityEServices.UrbanPlanning.Domain.Documents;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// Issued documents in the real service: the document row, PDF and archive hand-over committed with the
/// move to Issued, the PDF as poppler reads it, public verification by number and by QR text, the JWKS,
/// and revocation by the district's reviewer.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed partial class IssuedDocumentTests : ServiceTest<WorkflowService>, IClassFixture<WorkflowService>
{
    private static readonly object BuildingDetails = new { floors = 4, areaM2 = 250, usage = "Residential" };


    public IssuedDocumentTests(WorkflowService service, ITestOutputHelper output)
        : base(service, output)
    {
    }


    [Fact]
    public async Task Issuing_a_building_permit_stores_its_document_whose_pdf_reads_in_Persian_and_which_verifies()
    {
        var file = await Service.OpenFileAsync(district: 6, office: "OFC6");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(6));
        var (requestId, number) = await IssueBuildingPermitAsync(file, reviewer);

        // The row commits with the move: its number is the request's issued number, valid for two years.
        Assert.Equal(1, await Service.CountAsync(
            "SELECT count(*) FROM issued_documents WHERE number = @n AND request_id = @r AND type = 'BUILDING_PERMIT' AND status = 'Valid' " +
            "AND supersedes IS NULL AND expires_at = issued_at + interval '2 years' AND length(pdf) > 1000",
            ("n", number), ("r", Guid.Parse(requestId))));
        // The PDF goes to the archive through the outbox, with the same commit.
        var handedOver = Assert.Single(await Service.OutboxRowsAsync("IssuedDocumentRendered", file.Number)).Payload;
        Assert.Equal(number, handedOver.GetProperty("documentNumber").GetString());
        Assert.Equal("BUILDING_PERMIT", handedOver.GetProperty("serviceType").GetString());

        // The operator of the file's office downloads the PDF; pdftotext reads the Persian in order.
        var download = await file.Operator.GetAsync($"{Workflow.RequestPath(requestId)}/document");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var pdf = await download.Content.ReadAsByteArrayAsync();
        var text = PdfText(pdf);
        AssertInOrder(text, [
            "شهرداری تهران",
            "پروانه ساختمان",
            "شماره سند " + DocumentNumber.Parse(number).Display,
            "تاریخ صدور ۱۴۰۵/۰۲/۱۱",
            "منطقه ۶",
            "پلاک ثبتی بخش ۱۱؛ اصلی ۱۲۳۴؛ فرعی ۵۶",
            "دارنده " + FakeProperties.OwnerName,
            "دفتر صادرکننده دفتر خدمات الکترونیکی شهر OFC6",
        ]);
        Assert.DoesNotContain(file.Applicant, text, StringComparison.Ordinal);

        // Anyone verifies the number: valid, with the holder masked.
        using var anonymous = Service.CreateClient();
        var byNumber = await (await anonymous.GetAsync($"/api/verify/{number}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("valid", byNumber.GetProperty("status").GetString());
        Assert.Equal("BUILDING_PERMIT", byNumber.GetProperty("type").GetString());
        Assert.Equal(file.RenovationCode, byNumber.GetProperty("renovationCode").GetString());
        Assert.Equal(6, byNumber.GetProperty("district").GetInt32());
        Assert.Matches(@"^1405/02/11 1\d:\d\d$", byNumber.GetProperty("issuedAtJalali").GetString());
        Assert.Equal("م*** ر***", byNumber.GetProperty("holder").GetProperty("name").GetString());
        Assert.Equal(file.Applicant[..2] + "******" + file.Applicant[^2..], byNumber.GetProperty("holder").GetProperty("nationalId").GetString());
        // Typed as people do: grouped, lower case.
        Assert.Equal("valid", (await (await anonymous.GetAsync($"/api/verify/{DocumentNumber.Parse(number).Display.ToLowerInvariant()}")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());

        // The QR text verifies by its signature, online and offline against the published keys.
        var payload = await SignedPayloadAsync(number);
        Assert.True(payload.Length < 400, $"{payload.Length} characters");
        var byPayload = await (await anonymous.PostAsJsonAsync("/api/verify", new { payload })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("valid", byPayload.GetProperty("status").GetString());
        Assert.Equal(number, byPayload.GetProperty("number").GetString());
        var keys = await anonymous.GetAsync("/.well-known/city-document-keys");
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        Assert.True(keys.Headers.CacheControl?.Public, "the key set is publicly cacheable");
        using var ring = DocumentKeyRing.FromJwks(await keys.Content.ReadAsStringAsync());
        var offline = DocumentVerifier.Verify(payload, ring);
        Assert.True(offline.IsValid, offline.Reason);
        Assert.Equal(number, offline.Payload!.Number.Value);
        Assert.Equal(byPayload.GetProperty("keyId").GetString(), offline.KeyId);
    }

    [Fact]
    public async Task An_altered_payload_is_invalid_and_an_unknown_number_is_404()
    {
        var file = await Service.OpenFileAsync(district: 8, office: "OFC8");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(8));
        var (_, number) = await IssueBuildingPermitAsync(file, reviewer);
        var payload = await SignedPayloadAsync(number);
        using var anonymous = Service.CreateClient();

        // One character of the signed part changed (kept inside the Base45 alphabet): the signature fails.
        var at = payload.Length / 2;
        var altered = payload[..at] + (payload[at] == 'A' ? 'B' : 'A') + payload[(at + 1)..];
        var answer = await (await anonymous.PostAsJsonAsync("/api/verify", new { payload = altered })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("invalid", answer.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("number").ValueKind);
        var forged = await (await anonymous.PostAsJsonAsync("/api/verify", new { payload = "CED1:NOT-A-DOCUMENT" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("invalid", forged.GetProperty("status").GetString());
        await (await anonymous.PostAsJsonAsync("/api/verify", new { payload = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        // A well-formed number the city never issued is 404; a mistyped one (check symbol) is 400.
        await (await anonymous.GetAsync($"/api/verify/{DocumentNumber.New().Value}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var typo = number[..^1] + (number[^1] == '0' ? '1' : '0');
        await (await anonymous.GetAsync($"/api/verify/{typo}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        // Downloading the PDF needs a reader of the file; a request without a document has none.
        Assert.Contains((await anonymous.GetAsync($"{Workflow.RequestPath(Guid.NewGuid().ToString())}/document")).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        var submitted = await Service.SubmittedRequestAsync(file);
        await (await file.Operator.GetAsync($"{Workflow.RequestPath(submitted)}/document")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_district_reviewer_revokes_and_verification_says_revoked_at_once()
    {
        var file = await Service.OpenFileAsync(district: 14, office: "OFC14");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(14));
        using var otherReviewer = Service.CreateClient(TestTokens.Reviewer(2));
        var (requestId, number) = await IssueBuildingPermitAsync(file, reviewer);
        var revocations = $"{Workflow.RequestPath(requestId)}/revocations";

        await Workflow.AssertProblemAsync(await otherReviewer.PostAsJsonAsync(revocations, new { reason = "اشتباه" }), HttpStatusCode.Forbidden, "WrongDistrict");
        await Workflow.AssertProblemAsync(await file.Operator.PostAsJsonAsync(revocations, new { reason = "اشتباه" }), HttpStatusCode.Forbidden, "RoleNotAllowed");
        await (await reviewer.PostAsJsonAsync(revocations, new { reason = " " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM issued_documents WHERE number = @n AND status <> 'Valid'", ("n", number)));

        Service.Clock.Advance(TimeSpan.FromMinutes(1));
        var revoked = await (await reviewer.PostAsJsonAsync(revocations, new { reason = "نقشه‌ها با وضع موجود مطابقت ندارد" })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal(number, revoked.GetProperty("number").GetString());

        using var anonymous = Service.CreateClient();
        Assert.Equal("revoked", (await (await anonymous.GetAsync($"/api/verify/{number}")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        var payload = await SignedPayloadAsync(number);
        Assert.Equal("revoked", (await (await anonymous.PostAsJsonAsync("/api/verify", new { payload })).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());

        var announced = Assert.Single(await Service.OutboxRowsAsync("PermitRevoked", file.Number)).Payload;
        Assert.Equal(number, announced.GetProperty("documentNumber").GetString());
        Assert.Equal("نقشه‌ها با وضع موجود مطابقت ندارد", announced.GetProperty("reason").GetString());
        Assert.Matches("^user:", announced.GetProperty("revokedBy").GetString());

        // Revoking twice would rewrite who revoked it and why.
        using var admin = Service.CreateClient(TestTokens.Admin());
        await Workflow.AssertProblemAsync(await admin.PostAsJsonAsync(revocations, new { reason = "دوباره" }), HttpStatusCode.Conflict, "AlreadyRevoked");
        Assert.Single(await Service.OutboxRowsAsync("PermitRevoked", file.Number));
    }

    private async Task<(string RequestId, string Number)> IssueBuildingPermitAsync(OpenedFile file, HttpClient reviewer)
    {
        Service.Documents.Hold(file.RenovationCode, "OWNERSHIP_DEED", "IDENTITY_DOCUMENT", "ARCHITECTURAL_PLAN", "STRUCTURAL_PLAN");
        var created = await (await file.Operator.PostAsJsonAsync(Workflow.RequestsPath(file.Number), new { serviceType = "BUILDING_PERMIT", details = BuildingDetails }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("requestId").GetString()!;
        (await Service.ActAsync(reviewer, id, new { action = "review" })).EnsureSuccessStatusCode();
        (await Service.ActAsync(reviewer, id, new { action = "assessFee" })).EnsureSuccessStatusCode();
        (await Service.ActAsync(file.Operator, id, new { action = "pay", receipt = Workflow.NewReference("POS") })).EnsureSuccessStatusCode();
        var issued = await (await Service.ActAsync(reviewer, id, new { action = "issue" })).AssertJsonAsync(HttpStatusCode.OK);
        return (id, issued.GetProperty("issuedNumber").GetString()!);
    }

    private async Task<string> SignedPayloadAsync(string number)
    {
        await using var connection = Service.OpenDatabase();
        await using var command = new Npgsql.NpgsqlCommand("SELECT signed_payload FROM issued_documents WHERE number = @n", connection);
        command.Parameters.AddWithValue("n", number);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>poppler's pdftotext (./city test installs poppler-utils), bidi marks dropped and spaces collapsed.</summary>
    private static string PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"document-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
            foreach (var argument in new[] { "-enc", "UTF-8", path, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            var plain = new string([.. text.Where(c => c is not ('\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u200E' or '\u200F'))]);
            return Spaces().Replace(plain, " ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertInOrder(string text, IEnumerable<string> phrases)
    {
        var at = 0;
        foreach (var phrase in phrases)
        {
            var found = text.IndexOf(phrase, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"«{phrase}» not found in order after position {at} of:\n{text}");
            at = found + phrase.Length;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
