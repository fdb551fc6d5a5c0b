using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// A file belongs to the property, not to the first office or owner (issue 18): any office licensed for
/// a service takes the file up by applying on it, with the hand-over in the file's timeline; after the
/// registry announces a transfer the new owners track and apply on it and the seller no longer sees it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FilesFollowThePropertyTests(WorkflowService service, ITestOutputHelper output) : ServiceTest<WorkflowService>(service, output), IClassFixture<WorkflowService>
{
    private const string OtherOperatorId = "0499370899";

    [Fact]
    public async Task A_licensed_office_of_another_district_takes_the_file_up_and_acts_on_it_from_then_on()
    {
        var file = await Service.OpenFileAsync(district: 6, office: "OFC6");
        Service.Documents.Hold(file.RenovationCode, "OWNERSHIP_DEED", "IDENTITY_DOCUMENT");
        using var other = Service.CreateClient(TestTokens.Operator("OFC19", OtherOperatorId));

        var created = await (await other.PostAsJsonAsync(Workflow.RequestsPath(file.Number), new { serviceType = "NO_VIOLATION_CERTIFICATE" })).AssertJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("requestId").GetString()!;

        // Office management was asked about the office that applied, for the type applied for.
        var asked = Service.Offices.CallsFor("OFC19").Last();
        Assert.Equal(("NO_VIOLATION_CERTIFICATE", OtherOperatorId), (asked.ServiceType, asked.OperatorNationalId));
        var read = await (await other.GetAsync($"{Requests.FilesPath}/{file.Number}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("OFC19", read.GetProperty("officeCode").GetString());
        Assert.Equal(6, read.GetProperty("district").GetInt32());
        var change = Assert.Single(read.GetProperty("changes").EnumerateArray());
        Assert.Equal(("HandedOver", "OFC6", "OFC19"), (change.GetProperty("kind").GetString(), change.GetProperty("fromOfficeCode").GetString(), change.GetProperty("toOfficeCode").GetString()));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM file_changes WHERE file_number = @f AND actor LIKE 'user:%'", ("f", file.Number)));
        // The request's events name the office that holds the file now, so its scorecard counts it.
        var submitted = Assert.Single(await Service.OutboxRowsAsync("ServiceRequestSubmitted", file.Number));
        Assert.Equal("OFC19", submitted.Payload.GetProperty("officeCode").GetString());
        // The archive (and subscribers) hear of it, so the new office archives the file's scans.
        var handedOver = Assert.Single(await Service.OutboxRowsAsync("UrbanPlanningFileHandedOver", file.Number)).Payload;
        Assert.Equal(("OFC6", "OFC19", 6), (handedOver.GetProperty("fromOfficeCode").GetString(), handedOver.GetProperty("toOfficeCode").GetString(), handedOver.GetProperty("district").GetInt32()));

        // The office that opened it no longer acts on it or reads it; the citizen sees the hand-over.
        await (await file.Operator.GetAsync($"{Requests.FilesPath}/{file.Number}")).AssertProblemAsync(HttpStatusCode.Forbidden, "NotFileOffice");
        await (await Service.ActAsync(file.Operator, id, new { action = "pay", receipt = Workflow.NewReference("POS") })).AssertProblemAsync(HttpStatusCode.Forbidden, "NotFileOffice");
        using var anonymous = Service.CreateClient();
        var track = await (await anonymous.GetAsync($"/api/track/{file.Tracking}?nationalId={file.Applicant}")).AssertJsonAsync(HttpStatusCode.OK);
        var tracked = Assert.Single(track.GetProperty("changes").EnumerateArray());
        Assert.Equal(("OFC6", "OFC19"), (tracked.GetProperty("fromOfficeCode").GetString(), tracked.GetProperty("toOfficeCode").GetString()));

        // Applying again where it is now held hands nothing over.
        (await other.PostAsJsonAsync(Workflow.RequestsPath(file.Number), new { serviceType = "ENGINEERING_REPORT", details = new { subject = "Facade cracks" } })).EnsureSuccessStatusCode();
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM file_changes WHERE file_number = @f", ("f", file.Number)));
    }

    [Fact]
    public async Task An_office_not_licensed_for_the_type_takes_nothing_up()
    {
        var file = await Service.OpenFileAsync(district: 8, office: "OFC8");
        using var other = Service.CreateClient(TestTokens.Operator("OFC20", OtherOperatorId));
        Service.Offices.Refuse("OFC20", "OfficeSuspended", "OFC20 is suspended.");
        try
        {
            await (await other.PostAsJsonAsync(Workflow.RequestsPath(file.Number), new { serviceType = "NO_VIOLATION_CERTIFICATE" }))
                .AssertProblemAsync(HttpStatusCode.Forbidden, "OfficeSuspended");
        }
        finally
        {
            Service.Offices.Allow("OFC20");
        }

        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM file_changes WHERE file_number = @f", ("f", file.Number)));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM files WHERE file_number = @f AND office_code = 'OFC8'", ("f", file.Number)));
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM service_requests WHERE file_number = @f", ("f", file.Number)));
    }

    [Fact]
    public async Task After_a_transfer_the_new_owner_tracks_and_applies_and_the_seller_sees_nothing()
    {
        var file = await Service.OpenFileAsync(district: 9, office: "OFC9");
        using var anonymous = Service.CreateClient();
        // The seller's tracking answer is cached before the transfer: the transfer must drop it.
        await (await anonymous.GetAsync($"/api/track/{file.Tracking}?nationalId={file.Applicant}")).AssertJsonAsync(HttpStatusCode.OK);
        var buyer = NationalIds.Next();
        var coOwner = NationalIds.Next();
        var transfer = new OwnershipTransferred(file.RenovationCode, file.Applicant, buyer, "6")
        {
            OccurredAt = Service.Time.GetUtcNow(),
            // An organisation among the owners is no citizen: it tracks nothing.
            OwnersAfter = [new OwnerShare(buyer, "4"), new OwnerShare(coOwner, "1"), new OwnerShare("10380284790", "1")],
        };

        await Service.PublishAsync(transfer);
        await Eventually.UntilAsync(
            async () => (await anonymous.GetAsync($"/api/track/{file.Tracking}?nationalId={buyer}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15),
            "the buyer tracks the file");

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/track/{file.Tracking}?nationalId={file.Applicant}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/track/{file.Tracking}?nationalId={coOwner}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/track/{file.Tracking}?nationalId=10380284790")).StatusCode);
        var read = await (await file.Operator.GetAsync($"{Requests.FilesPath}/{file.Number}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(new[] { buyer, coOwner }.Order(StringComparer.Ordinal), read.GetProperty("holders").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(file.Applicant, read.GetProperty("applicantNationalId").GetString());
        var change = Assert.Single(read.GetProperty("changes").EnumerateArray());
        Assert.Equal("OwnersChanged", change.GetProperty("kind").GetString());
        // The archive hears who may now upload to the file as a citizen.
        var holders = Assert.Single(await Service.OutboxRowsAsync("UrbanPlanningFileHoldersChanged", file.Number)).Payload;
        Assert.Equal(new[] { buyer, coOwner }.Order(StringComparer.Ordinal), holders.GetProperty("holderNationalIds").EnumerateArray().Select(h => h.GetString()));

        // The new owner applies; the seller cannot any more; a mistyped ID is a 400 naming the field.
        var created = await (await file.Operator.PostAsJsonAsync(Workflow.RequestsPath(file.Number), new { serviceType = "NO_VIOLATION_CERTIFICATE", applicantNationalId = buyer }))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, await Service.CountAsync(
            "SELECT count(*) FROM service_requests WHERE id = @id AND applicant_national_id = @b", ("id", Guid.Parse(created.GetProperty("requestId").GetString()!)), ("b", buyer)));
        await (await file.Operator.PostAsJsonAsync(Workflow.RequestsPath(file.Number), new { serviceType = "NO_VIOLATION_CERTIFICATE", applicantNationalId = file.Applicant }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "ApplicantNotOwner");
        var invalid = await (await file.Operator.PostAsJsonAsync(Workflow.RequestsPath(file.Number), new { serviceType = "NO_VIOLATION_CERTIFICATE", applicantNationalId = "1234567890" }))
            .AssertJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("applicantNationalId", out _));

        // The same event again (a redelivery) changes nothing more.
        await Service.PublishAsync(transfer);
        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @m", ("m", transfer.EventId)) >= 1,
            TimeSpan.FromSeconds(15),
            "the transfer in the inbox");
        await Service.PublishAsync(transfer with { EventId = Guid.NewGuid() });
        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'OwnershipTransferredConsumer'") >= 2,
            TimeSpan.FromSeconds(15),
            "the second delivery handled");
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM file_changes WHERE file_number = @f", ("f", file.Number)));
    }
}
