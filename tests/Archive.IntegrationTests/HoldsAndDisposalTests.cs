using System.Net;
using System.Net.Http.Json;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>Disposal only after retention, never for permanent records, never under an active legal hold; every disposal recorded.</summary>
[Collection(ServersCollection.Name)]
public sealed class HoldsAndDisposalTests(ArchiveService service, ITestOutputHelper output) : ServiceTest<ArchiveService>(service, output), IClassFixture<ArchiveService>
{
    /// <summary>Uploads a document, then backdates it by <paramref name="yearsAgo"/> (no test can wait ten years).</summary>
    private async Task<(Guid Id, string Sha)> ArchivedAsync(HttpClient client, string category, string file, int yearsAgo)
    {
        var receipt = await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "c.pdf", "application/pdf",
            ("category", category), ("fileNumber", file), ("title", $"{category} {Guid.NewGuid():N}"), ("source", "LegacyImport"))))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = receipt.GetProperty("documentId").GetGuid();
        await Service.ExecuteAsync($"UPDATE documents SET created_at = now() - interval '{yearsAgo} years' WHERE id = @id", ("id", id));
        return (id, receipt.GetProperty("sha256").GetString()!);
    }

    [Fact]
    public async Task A_hold_blocks_disposal_until_released_with_a_reason_then_another_archivist_disposes_and_it_is_recorded()
    {
        // Two people: one releases the hold, the other disposes (separation of duties).
        const string releaser = "user:archivist-9";
        const string disposer = "user:archivist-10";
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist], name: "Archivist Test", subject: "archivist-9"));
        using var colleague = Service.CreateClient(TestTokens.Create([Roles.Archivist], name: "Archivist Test", subject: "archivist-10"));
        var (id, sha) = await ArchivedAsync(client, "CORRESPONDENCE", "09000000001", yearsAgo: 11);

        var hold = await (await client.PostAsJsonAsync("/api/archive/holds", new { fileNumber = "09000000001", reason = "دعوای حقوقی در دادگاه" })).AssertJsonAsync(HttpStatusCode.Created);
        var holdId = hold.GetProperty("holdId").GetGuid();
        Assert.True(hold.GetProperty("active").GetBoolean());
        Assert.Equal(releaser, hold.GetProperty("placedBy").GetString());

        var refused = await (await colleague.PostAsJsonAsync("/api/archive/disposals", new { documentId = id, reason = "پایان دوره نگهداری" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("UnderLegalHold", refused.GetProperty("reason").GetString());
        Assert.True(File.Exists(Service.ContentPath(sha)));

        var noReason = await (await client.PostAsJsonAsync($"/api/archive/holds/{holdId}/release", new { reason = " " })).AssertValidationProblemAsync();
        Assert.True(noReason.TryGetProperty("reason", out _));
        var released = await (await client.PostAsJsonAsync($"/api/archive/holds/{holdId}/release", new { reason = "رای نهایی صادر شد" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.False(released.GetProperty("active").GetBoolean());
        Assert.Equal(releaser, released.GetProperty("releasedBy").GetString());
        await (await client.PostAsJsonAsync($"/api/archive/holds/{holdId}/release", new { reason = "دوباره" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var disposal = await (await colleague.PostAsJsonAsync("/api/archive/disposals", new { documentId = id, reason = "پایان دوره نگهداری" })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.True(disposal.GetProperty("contentRemoved").GetBoolean());
        Assert.Equal(disposer, disposal.GetProperty("disposedBy").GetString());
        Assert.False(File.Exists(Service.ContentPath(sha)));

        // The record of the document stays, marked disposed; its content is gone for good.
        var metadata = await (await client.GetAsync(Requests.Document(id))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, metadata.GetProperty("disposedAt").ValueKind);
        await (await client.GetAsync(Requests.Content(id))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM disposals WHERE document_id = @id AND disposed_by = @by", ("id", id), ("by", disposer)));
        var again = await (await colleague.PostAsJsonAsync("/api/archive/disposals", new { documentId = id, reason = "دوباره" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("AlreadyDisposed", again.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Whoever_released_the_last_hold_on_a_document_cannot_dispose_of_it()
    {
        using var first = Service.CreateClient(TestTokens.Create([Roles.Archivist], subject: "archivist-11"));
        using var second = Service.CreateClient(TestTokens.Create([Roles.Admin], subject: "admin-12"));
        var (id, sha) = await ArchivedAsync(first, "CONTRACT", "09000000004", yearsAgo: 16);
        // Archivist 11 places and releases a hold on the file; the admin places and releases one on the document after it.
        foreach (var (client, body) in new[] { (first, (object)new { fileNumber = "09000000004", reason = "بازرسی" }), (second, new { documentId = id, reason = "دعوا" }) })
        {
            var hold = await (await client.PostAsJsonAsync("/api/archive/holds", body)).AssertJsonAsync(HttpStatusCode.Created);
            await (await client.PostAsJsonAsync($"/api/archive/holds/{hold.GetProperty("holdId").GetGuid()}/release", new { reason = "تمام شد" })).AssertJsonAsync(HttpStatusCode.OK);
        }

        var refused = await (await second.PostAsJsonAsync("/api/archive/disposals", new { documentId = id, reason = "پایان دوره نگهداری" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("SameActorReleasedHold", refused.GetProperty("reason").GetString());
        Assert.Contains("user:admin-12", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Service.ContentPath(sha)));
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM disposals WHERE document_id = @id", ("id", id)));
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM documents WHERE id = @id AND disposed_at IS NOT NULL", ("id", id)));

        // The archivist released an earlier hold, not the last one: they may.
        var disposal = await (await first.PostAsJsonAsync("/api/archive/disposals", new { documentId = id, reason = "پایان دوره نگهداری" })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("user:archivist-11", disposal.GetProperty("disposedBy").GetString());
    }

    [Fact]
    public async Task Retention_not_yet_ended_and_permanent_records_are_refused()
    {
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var young = await ArchivedAsync(client, "CORRESPONDENCE", "09000000002", yearsAgo: 2);
        var deed = await ArchivedAsync(client, "OWNERSHIP_DEED", "09000000002", yearsAgo: 80);

        var notYet = await (await client.PostAsJsonAsync("/api/archive/disposals", new { documentId = young.Id, reason = "x" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("RetentionNotElapsed", notYet.GetProperty("reason").GetString());
        var permanent = await (await client.PostAsJsonAsync("/api/archive/disposals", new { documentId = deed.Id, reason = "x" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("PermanentRecord", permanent.GetProperty("reason").GetString());
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM disposals WHERE document_id IN (@a, @b)", ("a", young.Id), ("b", deed.Id)));
    }

    [Fact]
    public async Task A_hold_on_one_document_and_the_categories_retention_rules()
    {
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var (id, _) = await ArchivedAsync(client, "CONTRACT", "09000000003", yearsAgo: 20);
        await (await client.PostAsJsonAsync("/api/archive/holds", new { documentId = id, reason = "بازرسی" })).AssertJsonAsync(HttpStatusCode.Created);

        var refused = await (await client.PostAsJsonAsync("/api/archive/disposals", new { documentId = id, reason = "x" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("UnderLegalHold", refused.GetProperty("reason").GetString());

        var categories = await (await client.GetAsync("/api/archive/categories")).AssertJsonAsync(HttpStatusCode.OK);
        var contract = categories.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "CONTRACT");
        Assert.Equal("قرارداد", contract.GetProperty("titleFa").GetString());
        Assert.Equal(15, contract.GetProperty("retention").GetProperty("years").GetInt32());
    }

    [Fact]
    public async Task Operators_and_reviewers_cannot_place_holds_or_dispose()
    {
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(9));

        var hold = await (await reviewer.PostAsJsonAsync("/api/archive/holds", new { fileNumber = "09000000001", reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var dispose = await (await reviewer.PostAsJsonAsync("/api/archive/disposals", new { documentId = Guid.NewGuid(), reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("RoleNotAllowed", hold.GetProperty("reason").GetString());
        Assert.Equal("RoleNotAllowed", dispose.GetProperty("reason").GetString());
    }
}
