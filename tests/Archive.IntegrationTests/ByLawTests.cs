using System.Net;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// The by-law at every step of an operator's archive work: an upload, and every read of a document's
/// metadata or content (and of their dossier, or a search), asks office management (AuthorizeService,
/// for URBAN_FILE) on top of "the file was opened at the operator's office". A suspended office, a
/// revoked licence, a deactivated operator or an expired certification is refused with office
/// management's reason, and a change it announces holds here at once.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ByLawTests(ArchiveService service, ITestOutputHelper output) : ServiceTest<ArchiveService>(service, output), IClassFixture<ArchiveService>
{
    private static int _office = Random.Shared.Next(100, 900);

    /// <summary>An office of its own, a dossier opened there, one document in it (archived by an archivist), and an operator.</summary>
    private async Task<(string Office, string File, Guid Document, string NationalId, string Token)> OfficeWithADocumentAsync()
    {
        var n = Interlocked.Increment(ref _office);
        var office = $"BL{n}";
        var file = $"16{n:D9}";
        await Service.InsertDossierAsync(file, $"16-1-{n}-1-0-0-0", 16, office);
        using var archivist = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var receipt = await (await archivist.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "deed.pdf", "application/pdf",
            ("category", "OWNERSHIP_DEED"), ("fileNumber", file), ("title", "سند مالکیت")))).AssertJsonAsync(HttpStatusCode.Created);
        var nationalId = NationalIds.Next();
        return (office, file, receipt.GetProperty("documentId").GetGuid(), nationalId, TestTokens.Operator(office, nationalId));
    }

    private static MultipartFormDataContent Scan(string file) =>
        TestFiles.Form(TestFiles.Pdf(), "scan.pdf", "application/pdf", ("category", "IDENTITY_DOCUMENT"), ("fileNumber", file), ("title", "کارت ملی"));

    public static TheoryData<string, bool> Refusals => new()
    {
        { "OfficeSuspended", true },
        { "LicenceRevoked", true },
        { "StaffInactive", false },
        { "CertificationExpired", false },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_operator_refused_by_office_management_neither_uploads_nor_reads_and_hears_why(string reason, bool officeWide)
    {
        var (office, file, document, nationalId, token) = await OfficeWithADocumentAsync();
        if (officeWide)
        {
            Service.Offices.RefuseOffice(office, reason);
        }
        else
        {
            Service.Offices.RefusePerson(nationalId, reason);
        }

        using var client = Service.CreateClient(token);
        var before = await Service.CountAsync("SELECT count(*) FROM documents WHERE file_number = @f", ("f", file));

        var refusals = new List<(string What, HttpResponseMessage Response)>
        {
            ("upload", await client.PostAsync(Requests.Documents, Scan(file))),
            ("metadata", await client.GetAsync(Requests.Document(document))),
            ("content", await client.GetAsync(Requests.Content(document))),
            ("dossier", await client.GetAsync(Requests.DossierPath(file))),
            ("search", await client.GetAsync($"{Requests.Documents}?fileNumber={file}")),
        };

        foreach (var (what, response) in refusals)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.True(reason == problem.GetProperty("reason").GetString(), $"{what}: {problem}");
            response.Dispose();
        }

        Assert.Equal(before, await Service.CountAsync("SELECT count(*) FROM documents WHERE file_number = @f", ("f", file)));
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM content_reads WHERE document_id = @d", ("d", document)));
        // The question asked was the one check of the by-law: this operator, at this office, for urban-planning files.
        Assert.All(Service.Offices.CallsFor(office), call =>
        {
            Assert.Equal(nationalId, call.OperatorNationalId);
            Assert.Equal("URBAN_FILE", call.ServiceType);
        });
        Assert.NotEmpty(Service.Offices.CallsFor(office));
    }

    [Fact]
    public async Task An_authorised_operator_uploads_and_reads_their_offices_file()
    {
        var (office, file, document, _, token) = await OfficeWithADocumentAsync();
        using var client = Service.CreateClient(token);

        await (await client.PostAsync(Requests.Documents, Scan(file))).AssertJsonAsync(HttpStatusCode.Created);
        await (await client.GetAsync(Requests.Document(document))).AssertJsonAsync(HttpStatusCode.OK);
        using var content = await client.GetAsync(Requests.Content(document));

        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.NotEmpty(Service.Offices.CallsFor(office));
    }

    [Fact]
    public async Task A_suspension_office_management_announces_holds_here_at_once_not_when_the_cached_answer_expires()
    {
        var (office, file, document, _, token) = await OfficeWithADocumentAsync();
        using var client = Service.CreateClient(token);
        // Allowed, and the answer is now cached for a minute (ArchiveService.AuthorizationCacheTimeToLive).
        await (await client.GetAsync(Requests.Document(document))).AssertJsonAsync(HttpStatusCode.OK);

        Service.Offices.RefuseOffice(office, "OfficeSuspended");
        await Service.PublishAsync(new OfficeAuthorizationChanged(office, null, "OfficeStatus") { OccurredAt = Service.Time.GetUtcNow() });

        // Within 5 s, where the cache alone would keep saying yes for a minute.
        await Eventually.UntilAsync(async () =>
        {
            using var read = await client.GetAsync(Requests.Document(document));
            return read.StatusCode == HttpStatusCode.Forbidden;
        }, TimeSpan.FromSeconds(5), "the suspension announced by office management refusing the operator's read");
        var upload = await (await client.PostAsync(Requests.Documents, Scan(file))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("OfficeSuspended", upload.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Archivists_are_not_operators_and_office_management_is_not_asked_about_them()
    {
        var (office, file, _, _, _) = await OfficeWithADocumentAsync();
        Service.Offices.RefuseOffice(office, "OfficeSuspended");
        using var archivist = Service.CreateClient(TestTokens.Create([Roles.Archivist]));
        var calls = Service.Offices.Calls.Count;

        await (await archivist.PostAsync(Requests.Documents, Scan(file))).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(calls, Service.Offices.Calls.Count);
    }

    [Fact]
    public async Task A_reviewer_reads_only_their_districts_documents()
    {
        var (_, file, document, _, _) = await OfficeWithADocumentAsync();

        using var own = Service.CreateClient(TestTokens.Reviewer(16));
        using var other = Service.CreateClient(TestTokens.Reviewer(3));

        await (await own.GetAsync(Requests.Document(document))).AssertJsonAsync(HttpStatusCode.OK);
        var refused = await (await other.GetAsync(Requests.Content(document))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("WrongDistrict", refused.GetProperty("reason").GetString());
        var search = await (await other.GetAsync($"{Requests.Documents}?fileNumber={file}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }
}
