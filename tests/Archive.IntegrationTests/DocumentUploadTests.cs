using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// Ingest through the real pipeline: the type decided by the content's first bytes, content-addressed
/// storage, the same content answered once per dossier, versions, DocumentArchived in the outbox.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class DocumentUploadTests(ArchiveService service, ITestOutputHelper output) : ServiceTest<ArchiveService>(service, output), IClassFixture<ArchiveService>, IAsyncLifetime
{
    private const string File = "06000000001";
    private const string Property = "6-1-1-1-0-0-0";

    public async Task InitializeAsync()
    {
        if (await Service.CountAsync("SELECT count(*) FROM dossiers WHERE file_number = @f", ("f", File)) == 0)
        {
            await Service.InsertDossierAsync(File, Property, 6, "OFC6");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private const string OperatorId = "operator-ofc6";

    private static readonly string OperatorToken =
        TestTokens.Create([Roles.OfficeOperator], officeCode: "OFC6", nationalId: "1583250689", name: "Operator Test", subject: OperatorId);

    private static (string, string)[] Fields(string title, string category = "OWNERSHIP_DEED", string file = File) =>
        [("category", category), ("fileNumber", file), ("title", title)];

    [Fact]
    public async Task A_pdf_is_stored_by_its_hash_reads_back_identical_and_is_announced()
    {
        var pdf = TestFiles.Pdf(pages: 3);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        using var client = Service.CreateClient(OperatorToken);

        using var response = await client.PostAsync(Requests.Documents, TestFiles.Form(pdf, "deed.pdf", "application/octet-stream", Fields("سند مالکیت ششدانگ")));
        var receipt = await response.AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(sha, receipt.GetProperty("sha256").GetString());
        Assert.Equal(pdf.Length, receipt.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(1, receipt.GetProperty("version").GetInt32());
        Assert.Equal(3, receipt.GetProperty("pages").GetInt32());
        Assert.Equal("application/pdf", receipt.GetProperty("contentType").GetString());
        var id = receipt.GetProperty("documentId").GetGuid();
        Assert.Equal($"/api/archive/documents/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(pdf, await System.IO.File.ReadAllBytesAsync(Service.ContentPath(sha)));
        Assert.Equal(0, Service.LeftoverTempFiles());

        var metadata = await (await client.GetAsync(Requests.Document(id))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(Property, metadata.GetProperty("renovationCode").GetString());
        Assert.Equal(6, metadata.GetProperty("district").GetInt32());
        Assert.Equal("OfficeScan", metadata.GetProperty("source").GetString());
        // Who archived it is the operator's id, never the display name in their token.
        Assert.Equal($"user:{OperatorId}", metadata.GetProperty("createdBy").GetString());

        using var content = await client.GetAsync(Requests.Content(id));
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("application/pdf", content.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await content.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM content_reads WHERE document_id = @id AND actor = @actor", ("id", id), ("actor", $"user:{OperatorId}")));

        var events = await Service.OutboxRowsAsync("DocumentArchived");
        var archived = Assert.Single(events, e => e.Payload.GetProperty("documentId").GetGuid() == id);
        Assert.Equal(sha, archived.Payload.GetProperty("sha256").GetString());
        Assert.Equal(File, archived.Payload.GetProperty("fileNumber").GetString());
        Assert.Equal("OWNERSHIP_DEED", archived.Payload.GetProperty("category").GetString());
    }

    [Fact]
    public async Task The_contents_folder_is_synced_after_the_rename_and_before_its_row_is_written()
    {
        var pdf = TestFiles.Pdf(pages: 2);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var folder = Path.GetDirectoryName(Service.ContentPath(sha))!;
        var seen = new List<(bool FileInPlace, long Rows)>();
        Service.OnDirectorySync = synced =>
        {
            if (synced == folder)
            {
                using var db = Service.OpenDatabase();
                using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM documents WHERE sha256 = @h", db);
                count.Parameters.AddWithValue("h", sha);
                seen.Add((System.IO.File.Exists(Service.ContentPath(sha)), (long)count.ExecuteScalar()!));
            }
        };
        try
        {
            using var client = Service.CreateClient(OperatorToken);
            await (await client.PostAsync(Requests.Documents, TestFiles.Form(pdf, "plan.pdf", "application/pdf", Fields("نقشه معماری", "ARCHITECTURAL_PLAN"))))
                .AssertJsonAsync(HttpStatusCode.Created);
        }
        finally
        {
            Service.OnDirectorySync = null;
        }

        Assert.Equal([(true, 0L)], seen);
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM documents WHERE sha256 = @h", ("h", sha)));
    }

    [Fact]
    public async Task The_same_content_in_the_same_dossier_answers_the_existing_record()
    {
        var pdf = TestFiles.Pdf();
        using var client = Service.CreateClient(OperatorToken);

        var first = await (await client.PostAsync(Requests.Documents, TestFiles.Form(pdf, "a.pdf", "application/pdf", Fields("شناسنامه", "IDENTITY_DOCUMENT")))).AssertJsonAsync(HttpStatusCode.Created);
        // Same bytes under another name and title: still the same document of this dossier.
        var again = await (await client.PostAsync(Requests.Documents, TestFiles.Form(pdf, "b.pdf", "application/pdf", Fields("کارت ملی", "IDENTITY_DOCUMENT")))).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("documentId").GetGuid(), again.GetProperty("documentId").GetGuid());
        Assert.True(again.GetProperty("alreadyArchived").GetBoolean());
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM documents WHERE sha256 = @s", ("s", first.GetProperty("sha256").GetString()!)));
        Assert.Single(await Service.OutboxRowsAsync("DocumentArchived"), e => e.Payload.GetProperty("sha256").GetString() == first.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task A_new_scan_with_the_same_title_and_category_is_the_next_version_and_the_first_stays()
    {
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var v1 = await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "plan.pdf", "application/pdf", Fields("نقشه معماری طبقه اول", "ARCHITECTURAL_PLAN")))).AssertJsonAsync(HttpStatusCode.Created);
        // Arabic yeh and kaf in the title: normalised to the same title, so the same document's next version.
        var v2 = await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "plan.pdf", "application/pdf", Fields("نقشه معماري طبقه اول", "ARCHITECTURAL_PLAN")))).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        using var old = await client.GetAsync(Requests.Content(v1.GetProperty("documentId").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(v1.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await old.Content.ReadAsByteArrayAsync())));
    }

    public static TheoryData<string, string> Impostors => new()
    {
        { "setup.pdf", "application/pdf" },
        { "scan.tiff", "image/tiff" },
        { "photo.jpg", "image/jpeg" },
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public async Task A_renamed_executable_is_415_whatever_its_name_or_declared_type(string fileName, string declaredType)
    {
        using var client = Service.CreateClient(OperatorToken);
        var before = await Service.CountAsync("SELECT count(*) FROM documents");

        var problem = await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Executable(), fileName, declaredType, Fields("malware " + fileName))))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("PDF, TIFF, JPEG or PNG", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await Service.CountAsync("SELECT count(*) FROM documents"));
        Assert.Equal(0, Service.LeftoverTempFiles());
    }

    [Fact]
    public async Task Tiff_pages_are_counted_and_png_is_recognised_by_its_signature()
    {
        using var client = Service.CreateClient(OperatorToken);

        var tiff = await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Tiff(pages: 4), "scan.bin", "application/octet-stream", Fields("نقشه سازه", "STRUCTURAL_PLAN")))).AssertJsonAsync(HttpStatusCode.Created);
        var png = await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Png(), "site.pdf", "application/pdf", Fields("نقشه موقعیت", "SITE_PLAN")))).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal("image/tiff", tiff.GetProperty("contentType").GetString());
        Assert.Equal(4, tiff.GetProperty("pages").GetInt32());
        Assert.Equal("image/png", png.GetProperty("contentType").GetString());
        Assert.Equal(1, png.GetProperty("pages").GetInt32());
    }

    [Fact]
    public async Task Range_requests_return_exactly_the_asked_bytes_with_206()
    {
        var pdf = TestFiles.Pdf(pages: 2);
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var receipt = await (await client.PostAsync(Requests.Documents, TestFiles.Form(pdf, "r.pdf", "application/pdf", Fields("مکاتبه", "CORRESPONDENCE")))).AssertJsonAsync(HttpStatusCode.Created);
        var id = receipt.GetProperty("documentId").GetGuid();

        using var request = new HttpRequestMessage(HttpMethod.Get, Requests.Content(id));
        request.Headers.Range = new RangeHeaderValue(10, 29);
        using var partial = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(pdf[10..30], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(new ContentRangeHeaderValue(10, 29, pdf.Length), partial.Content.Headers.ContentRange);
        Assert.Equal("bytes", Assert.Single(partial.Headers.AcceptRanges));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM content_reads WHERE document_id = @id AND range = 'bytes=10-29'", ("id", id)));
    }

    [Fact]
    public async Task Content_beyond_the_configured_limit_is_413_and_leaves_nothing_behind()
    {
        using var client = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var before = await Service.CountAsync("SELECT count(*) FROM documents");

        // Chunked, so the limit is found while streaming rather than from Content-Length.
        using var response = await client.PostAsync(Requests.Documents, TestFiles.Form(
            new StreamContent(new GeneratedStream(ArchiveService.MaxDocumentBytes + 1, seed: 3)), "huge.pdf", "application/pdf", Fields("بیش از حد", "LEGACY_SCAN")));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await Service.CountAsync("SELECT count(*) FROM documents"));
        Assert.Equal(0, Service.LeftoverTempFiles());
    }

    [Fact]
    public async Task An_operator_archives_only_for_files_of_their_office()
    {
        using var other = Service.CreateClient(TestTokens.Operator("OFC7", "1583250689"));

        var refused = await (await other.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "d.pdf", "application/pdf", Fields("سند"))))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("NotDossierOffice", refused.GetProperty("reason").GetString());

        using var own = Service.CreateClient(OperatorToken);
        var legacy = await (await own.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "d.pdf", "application/pdf", [.. Fields("سند", "LEGACY_SCAN"), ("source", "LegacyImport")])))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("LegacyImportNotAllowed", legacy.GetProperty("reason").GetString());

        using var integrator = Service.CreateClient(TestTokens.Integrator());
        await (await integrator.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "d.pdf", "application/pdf", Fields("سند")))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Pages_in_a_compressed_object_stream_are_counted()
    {
        using var client = Service.CreateClient(OperatorToken);

        var receipt = await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.ObjectStreamPdf(pages: 7), "modern.pdf", "application/pdf", Fields("نقشه نما", "ARCHITECTURAL_PLAN"))))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(7, receipt.GetProperty("pages").GetInt32());
    }

    [Fact]
    public async Task A_PDF_no_parser_can_open_is_a_400_and_leaves_nothing_behind()
    {
        using var client = Service.CreateClient(OperatorToken);
        // Page objects but no cross-reference or trailer: a byte scan counted it, a reader cannot open it.
        var broken = System.Text.Encoding.ASCII.GetBytes(
            $"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 1 >> endobj\n3 0 obj << /Type /Page >> endobj\n% {Guid.NewGuid()}\n%%EOF\n");
        var truncated = TestFiles.ObjectStreamPdf(pages: 3)[..200];

        foreach (var content in new[] { broken, truncated })
        {
            var title = $"سند آسیب دیده {Guid.NewGuid():N}";
            var errors = await (await client.PostAsync(Requests.Documents, TestFiles.Form(content, "broken.pdf", "application/pdf", Fields(title))))
                .AssertValidationProblemAsync();
            Assert.True(errors.TryGetProperty("file", out _));
            Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM documents WHERE title = @t", ("t", title)));
            Assert.False(System.IO.File.Exists(Service.ContentPath(Convert.ToHexStringLower(SHA256.HashData(content)))), "the refused content was stored");
        }

        Assert.Equal(0, Service.LeftoverTempFiles());
    }

    [Fact]
    public async Task Bad_metadata_is_a_400_with_the_fields_and_an_unknown_file_is_404()
    {
        using var client = Service.CreateClient(OperatorToken);

        var errors = await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "d.pdf", "application/pdf", ("category", "NOT_A_CATEGORY"), ("fileNumber", "99"), ("source", "System"))))
            .AssertValidationProblemAsync();
        Assert.True(errors.TryGetProperty("category", out _));
        Assert.True(errors.TryGetProperty("fileNumber", out _));
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("source", out _));

        await (await client.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "d.pdf", "application/pdf", Fields("سند", file: "06999999999"))))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        using var notMultipart = await client.PostRawAsync(Requests.Documents, "{}");
        await notMultipart.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, Service.LeftoverTempFiles());
    }
}
