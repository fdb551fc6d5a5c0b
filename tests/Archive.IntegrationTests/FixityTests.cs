using System.Net;
using System.Net.Http.Json;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>The archive with its scheduled fixity check every second, so a test can see a scheduled run.</summary>
public sealed class ScheduledFixityArchiveService(ServerFixture servers) : ArchiveService(servers)
{
    protected override TimeSpan FixityInterval => TimeSpan.FromSeconds(1);
}

/// <summary>Fixity: stored bytes are re-hashed; a corrupted or vanished file on disk is reported, and every run is kept.</summary>
[Collection(ServersCollection.Name)]
public sealed class FixityTests : IClassFixture<ScheduledFixityArchiveService>, IDisposable
{
    private readonly ScheduledFixityArchiveService _service;

    public FixityTests(ScheduledFixityArchiveService service, ITestOutputHelper output)
    {
        _service = service;
        _service.Log.Current = output;
    }

    public void Dispose() => _service.Log.Current = null;

    private async Task<(Guid Id, string Sha)> UploadAsync(HttpClient client, string file, string title)
    {
        var receipt = await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "f.pdf", "application/pdf",
            ("category", "LEGACY_SCAN"), ("fileNumber", file), ("title", title), ("source", "LegacyImport"))))
            .AssertJsonAsync(HttpStatusCode.Created);
        return (receipt.GetProperty("documentId").GetGuid(), receipt.GetProperty("sha256").GetString()!);
    }

    [Fact]
    public async Task A_corrupted_and_a_missing_file_are_reported_and_the_rest_is_intact()
    {
        using var client = _service.CreateClient(TestTokens.Create([Roles.Archivist], subject: "archivist-8"));
        var intact = await UploadAsync(client, "08000000001", "سالم");
        var corrupted = await UploadAsync(client, "08000000001", "خراب");
        var missing = await UploadAsync(client, "08000000001", "گمشده");
        var elsewhere = await UploadAsync(client, "08000000002", "پرونده دیگر");

        var clean = await (await client.PostAsJsonAsync("/api/archive/fixity-checks", new { fileNumber = "08000000001" })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.True(clean.GetProperty("intact").GetBoolean());
        Assert.Equal(3, clean.GetProperty("documentsChecked").GetInt32());

        // One bit flipped on disk, one file deleted: what a failing disk or a careless hand does.
        var path = _service.ContentPath(corrupted.Sha);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^3] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);
        File.Delete(_service.ContentPath(missing.Sha));

        var check = await (await client.PostAsJsonAsync("/api/archive/fixity-checks", new { fileNumber = "08000000001" })).AssertJsonAsync(HttpStatusCode.Created);

        Assert.False(check.GetProperty("intact").GetBoolean());
        Assert.Equal("Manual", check.GetProperty("trigger").GetString());
        Assert.Equal("user:archivist-8", check.GetProperty("requestedBy").GetString());
        var findings = check.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("documentId").GetGuid());
        Assert.Equal(2, findings.Count);
        Assert.Equal("Mismatch", findings[corrupted.Id].GetProperty("problem").GetString());
        Assert.Equal(corrupted.Sha, findings[corrupted.Id].GetProperty("expectedSha256").GetString());
        Assert.NotEqual(corrupted.Sha, findings[corrupted.Id].GetProperty("actualSha256").GetString());
        Assert.Equal("Missing", findings[missing.Id].GetProperty("problem").GetString());
        Assert.DoesNotContain(intact.Id, findings.Keys);
        Assert.DoesNotContain(elsewhere.Id, findings.Keys);

        // Kept and readable afterwards.
        var stored = await (await client.GetAsync($"/api/archive/fixity-checks/{check.GetProperty("checkId").GetGuid()}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, stored.GetProperty("findings").GetArrayLength());

        // Reading the missing content is a clear 404, never a 500.
        await (await client.GetAsync(Requests.Content(missing.Id))).AssertProblemAsync(HttpStatusCode.NotFound);

        // The scheduled check covers the whole store and finds the same damage.
        var scheduled = await Eventually.ReturnsAsync(async () =>
        {
            var list = await (await client.GetAsync("/api/archive/fixity-checks?pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
            return list.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("trigger").GetString() == "Scheduled")
                .Where(c => c.GetProperty("startedAt").GetProperty("utc").GetDateTimeOffset() > check.GetProperty("finishedAt").GetProperty("utc").GetDateTimeOffset())
                .Select(c => c.GetRawText()).FirstOrDefault();
        }, TimeSpan.FromSeconds(15), "a scheduled fixity check after the damage");
        var scheduledCheck = System.Text.Json.JsonDocument.Parse(scheduled).RootElement;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, scheduledCheck.GetProperty("fileNumber").ValueKind);
        Assert.Equal("system:archive", scheduledCheck.GetProperty("requestedBy").GetString());
        var scheduledFindings = scheduledCheck.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("documentId").GetGuid()).ToHashSet();
        Assert.Contains(corrupted.Id, scheduledFindings);
        Assert.Contains(missing.Id, scheduledFindings);
    }

    [Fact]
    public async Task Only_archivists_and_admins_run_fixity_checks()
    {
        using var reviewer = _service.CreateClient(TestTokens.Reviewer(8));

        var problem = await (await reviewer.PostAsJsonAsync("/api/archive/fixity-checks", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("RoleNotAllowed", problem.GetProperty("reason").GetString());
    }
}
