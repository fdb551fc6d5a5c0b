using System.Net;
using System.Net.Http.Json;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// Integrator clients, least privilege: <c>archive.read</c> opens the reads (document metadata, content,
/// search, categories, dossiers), <c>archive.write</c> the upload of legacy scans; holds, disposals,
/// fixity and the read audit stay with staff whatever a client holds. Every read and write a client makes
/// is recorded under its client id.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class IntegratorScopeTests(ArchiveService service, ITestOutputHelper output) : ServiceTest<ArchiveService>(service, output), IClassFixture<ArchiveService>, IAsyncLifetime
{
    private const string File = "17000000001";

    private Guid _document;

    public async Task InitializeAsync()
    {
        if (await Service.CountAsync("SELECT count(*) FROM dossiers WHERE file_number = @f", ("f", File)) == 0)
        {
            await Service.InsertDossierAsync(File, "17-2-3-4-0-0-0", 17, "OFC17");
        }

        using var archivist = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var receipt = await (await archivist.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "plan.pdf", "application/pdf",
            ("category", "SITE_PLAN"), ("fileNumber", File), ("title", $"نقشه موقعیت {Guid.NewGuid():N}")))).AssertJsonAsync(HttpStatusCode.Created);
        _document = receipt.GetProperty("documentId").GetGuid();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string[] Reads => [Requests.Document(_document), Requests.Content(_document), $"{Requests.Documents}?fileNumber={File}", "/api/archive/categories", Requests.DossierPath(File)];

    private static MultipartFormDataContent Legacy(string source = "LegacyImport") =>
        TestFiles.Form(TestFiles.Pdf(), "old.pdf", "application/pdf", ("category", "LEGACY_SCAN"), ("fileNumber", File), ("title", $"برگ قدیمی {Guid.NewGuid():N}"), ("source", source));

    [Fact]
    public async Task A_client_without_archive_scopes_reaches_nothing_and_is_told_which_scope_it_lacks()
    {
        using var client = Service.CreateClient(TestTokens.Integrator("utility-co", Scopes.PropertyRead));

        foreach (var path in Reads)
        {
            using var read = await client.GetAsync(path);
            var problem = await read.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.True("insufficient_scope" == problem.GetProperty("reason").GetString(), path);
            Assert.Equal("archive.read", Assert.Single(problem.GetProperty("requiredScopes").EnumerateArray()).GetString());
        }

        using var upload = await client.PostAsync(Requests.Documents, Legacy());
        var refused = await upload.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("insufficient_scope", refused.GetProperty("reason").GetString());
        Assert.Contains("archive.write", upload.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_read_opens_every_read_and_each_content_read_is_audited_under_the_client_id()
    {
        using var client = Service.CreateClient(TestTokens.Integrator("engineering-org", Scopes.ArchiveRead));

        foreach (var path in Reads)
        {
            using var read = await client.GetAsync(path);
            Assert.True(HttpStatusCode.OK == read.StatusCode, $"{path}: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM content_reads WHERE document_id = @d AND actor = 'client:engineering-org'", ("d", _document)));
        using var upload = await client.PostAsync(Requests.Documents, Legacy());
        Assert.Equal("insufficient_scope", (await upload.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Archive_write_imports_legacy_scans_under_the_client_id_but_no_office_scan()
    {
        using var client = Service.CreateClient(TestTokens.Integrator("import-tool", Scopes.ArchiveWrite));

        var receipt = await (await client.PostAsync(Requests.Documents, Legacy())).AssertJsonAsync(HttpStatusCode.Created);
        var officeScan = await (await client.PostAsync(Requests.Documents, Legacy("OfficeScan"))).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("client:import-tool", await CreatedByAsync(receipt.GetProperty("documentId").GetGuid()));
        Assert.Equal("RoleNotAllowed", officeScan.GetProperty("reason").GetString());
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM documents WHERE created_by = 'client:import-tool' AND source = 'OfficeScan'"));
        var events = await Service.OutboxRowsAsync("DocumentArchived");
        Assert.Single(events, e => e.Payload.GetProperty("documentId").GetGuid() == receipt.GetProperty("documentId").GetGuid());
    }

    public static TheoryData<string, string> StaffOnly => new()
    {
        { "POST", "/api/archive/holds" },
        { "GET", "/api/archive/holds" },
        { "POST", "/api/archive/disposals" },
        { "GET", "/api/archive/disposals" },
        { "POST", "/api/archive/fixity-checks" },
        { "GET", "/api/archive/fixity-checks" },
        { "GET", "/api/archive/documents/{id}/reads" },
    };

    [Theory]
    [MemberData(nameof(StaffOnly))]
    public async Task Holds_disposals_fixity_and_the_read_audit_stay_with_staff_whatever_a_client_holds(string method, string path)
    {
        using var client = Service.CreateClient(TestTokens.Integrator("everything", [.. Scopes.All]));
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", _document.ToString(), StringComparison.Ordinal));
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { documentId = _document, fileNumber = File, reason = "x" });
        }

        var holds = await Service.CountAsync("SELECT count(*) FROM legal_holds");
        var runs = await Service.CountAsync("SELECT count(*) FROM fixity_checks");

        using var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("insufficient_scope", problem.GetProperty("reason").GetString());
        Assert.Equal(holds, await Service.CountAsync("SELECT count(*) FROM legal_holds"));
        Assert.Equal(runs, await Service.CountAsync("SELECT count(*) FROM fixity_checks"));
    }

    private async Task<string?> CreatedByAsync(Guid documentId)
    {
        using var archivist = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var metadata = await (await archivist.GetAsync(Requests.Document(documentId))).AssertJsonAsync(HttpStatusCode.OK);
        return metadata.GetProperty("createdBy").GetString();
    }
}
