using System.Net;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// A file follows its property (issue 18): a citizen who holds the file uploads a missing document to it
/// without a visit (announced like any scan, so urban planning ticks it off), nobody else's file is even
/// found, and urban planning's hand-over and holders events move the right to archive to the new office
/// and the new owners.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CitizenUploadTests(ArchiveService service, ITestOutputHelper output) : ServiceTest<ArchiveService>(service, output), IClassFixture<ArchiveService>
{
    private static int _next = 500;

    [Fact]
    public async Task A_holder_uploads_to_their_own_file_and_another_citizen_finds_nothing()
    {
        var (file, applicant) = await OpenAsync("OFC14", 14);
        using var citizen = Service.CreateClient(Citizen(applicant));
        using var stranger = Service.CreateClient(Citizen(NationalIds.Next()));

        var receipt = await (await citizen.PostAsync(Requests.Documents, Form(file, "IDENTITY_DOCUMENT"))).AssertJsonAsync(HttpStatusCode.Created);

        var id = receipt.GetProperty("documentId").GetGuid();
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM documents WHERE id = @id AND source = 'CitizenUpload' AND file_number = @f", ("id", id), ("f", file)));
        var archived = Assert.Single(await Service.OutboxRowsAsync("DocumentArchived"), r => r.Payload.GetProperty("documentId").GetGuid() == id);
        Assert.Equal((file, "IDENTITY_DOCUMENT"), (archived.Payload.GetProperty("fileNumber").GetString(), archived.Payload.GetProperty("category").GetString()));

        // Another citizen's upload to this file, and to a file that does not exist, get the same 404.
        var notTheirs = await (await stranger.PostAsync(Requests.Documents, Form(file, "IDENTITY_DOCUMENT"))).AssertProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await stranger.PostAsync(Requests.Documents, Form("14999999999", "IDENTITY_DOCUMENT"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(missing.GetProperty("title").GetString(), notTheirs.GetProperty("title").GetString());
        await (await citizen.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "d.pdf", "application/pdf", ("category", "IDENTITY_DOCUMENT"), ("renovationCode", "14-1-1-1-0-0-0"), ("title", "t"))))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        // Staff cannot pass their scans off as a citizen's.
        using var op = Service.CreateClient(TestTokens.Operator("OFC14", NationalIds.Next()));
        await (await op.PostAsync(Requests.Documents, TestFiles.Form(TestFiles.Pdf(), "d.pdf", "application/pdf", ("category", "IDENTITY_DOCUMENT"), ("fileNumber", file), ("title", "t"), ("source", "CitizenUpload"))))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM documents WHERE file_number = @f", ("f", file)));
    }

    [Fact]
    public async Task After_a_sale_and_a_hand_over_the_buyer_and_the_new_office_archive_and_the_seller_and_old_office_do_not()
    {
        var (file, seller) = await OpenAsync("OFC15", 15);
        var buyer = NationalIds.Next();
        var oldOffice = TestTokens.Operator("OFC15", NationalIds.Next());
        var newOffice = TestTokens.Operator("OFC21", NationalIds.Next());
        var handedOver = new UrbanPlanningFileHandedOver(file, RenovationCode(file), 15, "OFC15", "OFC21") { OccurredAt = DateTimeOffset.UtcNow };
        var holders = new UrbanPlanningFileHoldersChanged(file, RenovationCode(file), [buyer]) { OccurredAt = DateTimeOffset.UtcNow };

        await Service.PublishAsync(handedOver);
        await Service.PublishAsync(holders);
        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM dossiers WHERE file_number = @f AND office_code = 'OFC21' AND holder_national_ids = ARRAY[@b]::text[]", ("f", file), ("b", buyer)) == 1,
            TimeSpan.FromSeconds(15),
            "the dossier to follow the hand-over and the sale");

        using (var client = Service.CreateClient(Citizen(buyer)))
        {
            await (await client.PostAsync(Requests.Documents, Form(file, "OWNERSHIP_DEED"))).AssertJsonAsync(HttpStatusCode.Created);
        }

        using (var client = Service.CreateClient(Citizen(seller)))
        {
            await (await client.PostAsync(Requests.Documents, Form(file, "IDENTITY_DOCUMENT"))).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using (var client = Service.CreateClient(newOffice))
        {
            await (await client.PostAsync(Requests.Documents, Form(file, "SITE_PLAN"))).AssertJsonAsync(HttpStatusCode.Created);
        }

        using (var client = Service.CreateClient(oldOffice))
        {
            var refused = await (await client.PostAsync(Requests.Documents, Form(file, "ARCHITECTURAL_PLAN"))).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("NotDossierOffice", refused.GetProperty("reason").GetString());
        }

        // An older hand-over arriving late (redelivered out of order) does not move the file back.
        await Service.PublishAsync(handedOver with { EventId = Guid.NewGuid(), OccurredAt = handedOver.OccurredAt.AddMinutes(-5), ToOfficeCode = "OFC15" });
        await Eventually.UntilAsync(() => Task.FromResult(Service.Deliveries.Finished(handedOver.EventId) >= 1), TimeSpan.FromSeconds(15), "the first hand-over handled");
        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'UrbanPlanningFileHandedOverConsumer' AND message_type = 'UrbanPlanningFileHandedOver'") >= 2,
            TimeSpan.FromSeconds(15),
            "the late hand-over handled");
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM dossiers WHERE file_number = @f AND office_code = 'OFC21'", ("f", file)));
    }

    private static string Citizen(string nationalId) => TestTokens.Create([Roles.Citizen], nationalId: nationalId, name: null);

    private static MultipartFormDataContent Form(string file, string category) =>
        TestFiles.Form(TestFiles.Pdf(salt: Guid.NewGuid().ToString()), "scan.pdf", "application/pdf", ("category", category), ("fileNumber", file), ("title", "مدرک " + category));

    private static string RenovationCode(string file) => $"{int.Parse(file[..2], System.Globalization.CultureInfo.InvariantCulture)}-9-9-{int.Parse(file[^3..], System.Globalization.CultureInfo.InvariantCulture)}-0-0-0";

    /// <summary>Urban planning opens a file: its event makes the dossier, with the applicant as its holder.</summary>
    private async Task<(string File, string Applicant)> OpenAsync(string office, int district)
    {
        var file = $"{district:00}000000{Interlocked.Increment(ref _next):000}";
        var applicant = NationalIds.Next();
        await Service.PublishAsync(new UrbanPlanningFileOpened(file, RenovationCode(file), district, office, applicant, "user:op") { OccurredAt = Service.Time.GetUtcNow() });
        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM dossiers WHERE file_number = @f", ("f", file)) == 1,
            TimeSpan.FromSeconds(15),
            $"the dossier of {file}");
        return (file, applicant);
    }
}
