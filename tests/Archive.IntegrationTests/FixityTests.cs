using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>The archive with its scheduled fixity run every second, so a test can see a scheduled run.</summary>
public sealed class ScheduledFixityArchiveService(ServerFixture servers) : ArchiveService(servers)
{
    protected override TimeSpan FixityInterval => TimeSpan.FromSeconds(1);
}

/// <summary>
/// Fixity through the API: a request is recorded and answered 202 with the run to poll, the service's
/// worker re-hashes in the background, and a corrupted or vanished file on disk is reported; the
/// schedule covers the whole store the same way.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FixityTests(ScheduledFixityArchiveService service, ITestOutputHelper output) : ServiceTest<ScheduledFixityArchiveService>(service, output), IClassFixture<ScheduledFixityArchiveService>
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(20);

    private static async Task<(Guid Id, string Sha)> UploadAsync(HttpClient client, string file, string title)
    {
        var receipt = await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "f.pdf", "application/pdf",
            ("category", "LEGACY_SCAN"), ("fileNumber", file), ("title", title), ("source", "LegacyImport"))))
            .AssertJsonAsync(HttpStatusCode.Created);
        return (receipt.GetProperty("documentId").GetGuid(), receipt.GetProperty("sha256").GetString()!);
    }

    /// <summary>Requests a run: 202, its id, Pending, and where to poll it.</summary>
    private static async Task<Uri> RequestAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/archive/fixity-checks", body);
        var accepted = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        var runId = accepted.GetProperty("runId").GetGuid();
        Assert.Equal("Pending", accepted.GetProperty("status").GetString());
        Assert.Equal($"/api/archive/fixity-checks/{runId}", response.Headers.Location?.OriginalString);
        return response.Headers.Location!;
    }

    /// <summary>Polls the run until it has completed, as a client would.</summary>
    private static async Task<JsonElement> CompletedAsync(HttpClient client, Uri location)
    {
        var text = await Eventually.ReturnsAsync(async () =>
        {
            var run = await (await client.GetAsync(location)).AssertJsonAsync(HttpStatusCode.OK);
            return run.GetProperty("status").GetString() == "Completed" ? run.GetRawText() : null;
        }, RunDeadline, $"fixity run {location} completed");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_requested_run_is_polled_to_completion_and_reports_a_corrupted_and_a_missing_file()
    {
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist], subject: "archivist-8"));
        var intact = await UploadAsync(client, "08000000001", "سالم");
        var corrupted = await UploadAsync(client, "08000000001", "خراب");
        var missing = await UploadAsync(client, "08000000001", "گمشده");
        var elsewhere = await UploadAsync(client, "08000000002", "پرونده دیگر");

        var clean = await CompletedAsync(client, await RequestAsync(client, new { fileNumber = "08000000001" }));
        Assert.True(clean.GetProperty("intact").GetBoolean());
        Assert.Equal(3, clean.GetProperty("documentsChecked").GetInt32());
        Assert.Equal(3, clean.GetProperty("documentsTotal").GetInt32());

        // One bit flipped on disk, one file deleted: what a failing disk or a careless hand does.
        var path = Service.ContentPath(corrupted.Sha);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^3] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);
        File.Delete(Service.ContentPath(missing.Sha));

        var location = await RequestAsync(client, new { fileNumber = "08000000001" });
        var check = await CompletedAsync(client, location);

        Assert.False(check.GetProperty("intact").GetBoolean());
        Assert.Equal("Manual", check.GetProperty("trigger").GetString());
        Assert.Equal("user:archivist-8", check.GetProperty("requestedBy").GetString());
        Assert.Equal(1, check.GetProperty("mismatches").GetInt32());
        Assert.Equal(1, check.GetProperty("missing").GetInt32());
        Assert.Equal(3, check.GetProperty("documentsChecked").GetInt32());
        var findings = check.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("documentId").GetGuid());
        Assert.Equal(2, findings.Count);
        Assert.Equal("Mismatch", findings[corrupted.Id].GetProperty("problem").GetString());
        Assert.Equal(corrupted.Sha, findings[corrupted.Id].GetProperty("expectedSha256").GetString());
        Assert.NotEqual(corrupted.Sha, findings[corrupted.Id].GetProperty("actualSha256").GetString());
        Assert.Equal("Missing", findings[missing.Id].GetProperty("problem").GetString());
        Assert.DoesNotContain(intact.Id, findings.Keys);
        Assert.DoesNotContain(elsewhere.Id, findings.Keys);

        // Reading the missing content is a clear 404, never a 500.
        await (await client.GetAsync(Requests.Content(missing.Id))).AssertProblemAsync(HttpStatusCode.NotFound);

        // The scheduled run covers the whole store and finds the same damage.
        var requestedAfter = check.GetProperty("finishedAt").GetProperty("utc").GetDateTimeOffset();
        var scheduled = await Eventually.ReturnsAsync(async () =>
        {
            var list = await (await client.GetAsync("/api/archive/fixity-checks?pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
            return list.GetProperty("items").EnumerateArray()
                .Where(c => c.GetProperty("trigger").GetString() == "Scheduled" && c.GetProperty("status").GetString() == "Completed")
                .Where(c => c.GetProperty("requestedAt").GetProperty("utc").GetDateTimeOffset() > requestedAfter)
                .Select(c => c.GetRawText()).FirstOrDefault();
        }, RunDeadline, "a scheduled fixity run after the damage");
        var scheduledCheck = JsonDocument.Parse(scheduled).RootElement;
        Assert.Equal(JsonValueKind.Null, scheduledCheck.GetProperty("fileNumber").ValueKind);
        Assert.Equal("system:archive", scheduledCheck.GetProperty("requestedBy").GetString());
        var scheduledFindings = scheduledCheck.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("documentId").GetGuid()).ToHashSet();
        Assert.Contains(corrupted.Id, scheduledFindings);
        Assert.Contains(missing.Id, scheduledFindings);
        Assert.True(scheduledCheck.GetProperty("documentsChecked").GetInt32() >= 4, "the whole store, every file");
    }

    [Fact]
    public async Task Only_archivists_and_admins_request_and_read_fixity_runs()
    {
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(8));

        var problem = await (await reviewer.PostAsJsonAsync("/api/archive/fixity-checks", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var list = await (await reviewer.GetAsync("/api/archive/fixity-checks")).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("RoleNotAllowed", problem.GetProperty("reason").GetString());
        Assert.Equal("RoleNotAllowed", list.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_malformed_file_number_is_a_400_and_records_no_run()
    {
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var before = await Service.CountAsync("SELECT count(*) FROM fixity_checks WHERE trigger = 'Manual'");

        var errors = await (await client.PostAsJsonAsync("/api/archive/fixity-checks", new { fileNumber = "99" })).AssertValidationProblemAsync();

        Assert.True(errors.TryGetProperty("fileNumber", out _));
        Assert.Equal(before, await Service.CountAsync("SELECT count(*) FROM fixity_checks WHERE trigger = 'Manual'"));
    }
}
