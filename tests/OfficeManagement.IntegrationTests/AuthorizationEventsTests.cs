using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Codes;
using CityEServices.Messaging;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>
/// Every change that can change an <c>AuthorizeService</c> answer commits an OfficeAuthorizationChanged
/// with it (same transaction, through the outbox) and the event reaches RabbitMQ, so the other services
/// drop their cached answers: office status and licences name the office, staff changes the person and
/// each office touched, qualifications the person. A refused change announces nothing.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AuthorizationEventsTests(OfficeManagementService service, ITestOutputHelper output) : ServiceTest<OfficeManagementService>(service, output), IClassFixture<OfficeManagementService>
{
    private const string Exchange = "CityEServices.Contracts.Events:OfficeAuthorizationChanged";
    private const string EventName = "OfficeAuthorizationChanged";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Status_changes_and_licence_grants_and_revocations_announce_the_office()
    {
        await using var listener = await RabbitListener.BindAsync(Service.RabbitMqConnectionString, Exchange);
        using var admin = Service.CreateClient(TestTokens.Admin());
        await (await admin.CreateOfficeAsync("AEV1", district: 5)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Empty(await Service.OutboxRowsAsync(EventName, "AEV1"));

        var correlationId = $"corr-{Guid.NewGuid():N}";
        using (var suspend = new HttpRequestMessage(HttpMethod.Post, $"{Requests.OfficePath("AEV1")}/status") { Content = JsonContent.Create(new { status = "Suspended" }) })
        {
            suspend.Headers.Add(MessagingHeaders.CorrelationId, correlationId);
            await (await admin.SendAsync(suspend)).AssertJsonAsync(HttpStatusCode.OK);
        }

        var status = Assert.Single(await Service.OutboxRowsAsync(EventName, "AEV1"));
        Assert.Equal(("AEV1", null, "OfficeStatus"), Announced(status.Payload));
        Assert.Equal(correlationId, status.CorrelationId);
        var delivered = Assert.Single(await listener.WaitForAsync(m => Message(m).OfficeCode == "AEV1", Deadline, "the status change announced on the wire"));
        Assert.Equal(status.Id, Guid.Parse(delivered.Envelope.GetProperty("messageId").GetString()!));
        Assert.Equal(correlationId, delivered.Envelope.GetProperty("message").GetProperty("correlationId").GetString());

        await (await admin.ChangeStatusAsync("AEV1", "Active")).AssertJsonAsync(HttpStatusCode.OK);
        await (await admin.GrantLicenceAsync("AEV1", ServiceTypes.BuildingPermit)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.RevokeLicenceAsync("AEV1", ServiceTypes.BuildingPermit)).AssertJsonAsync(HttpStatusCode.OK);

        // Refused changes announce nothing.
        await (await admin.ChangeStatusAsync("AEV1", "Active")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.RevokeLicenceAsync("AEV1", ServiceTypes.BuildingPermit)).AssertProblemAsync(HttpStatusCode.Conflict);

        string[] expected = ["OfficeStatus", "OfficeStatus", "Licence", "Licence"];
        var rows = await Service.OutboxRowsAsync(EventName, "AEV1");
        Assert.Equal(expected, rows.Select(r => Announced(r.Payload).Change));
        Assert.All(rows, r => Assert.Null(Announced(r.Payload).NationalId));
        await Eventually.UntilAsync(() => Task.FromResult(listener.All.Count(r => Message(r).OfficeCode == "AEV1") >= expected.Length), Deadline, "four announcements about AEV1 on the wire");
        Assert.Equal(expected.Order(), listener.All.Select(Message).Where(m => m.OfficeCode == "AEV1").Select(m => m.Change).Order());

        // The licence events of their own are still published beside them.
        Assert.Equal([true, false], (await Service.OutboxRowsAsync("OfficeLicenceChanged", "AEV1")).Select(r => r.Payload.GetProperty("granted").GetBoolean()));
    }

    [Fact]
    public async Task Staff_changes_announce_the_person_and_every_office_they_touch()
    {
        await using var listener = await RabbitListener.BindAsync(Service.RabbitMqConnectionString, Exchange);
        using var admin = Service.CreateClient(TestTokens.Admin());
        foreach (var office in new[] { "AEV2", "AEV3" })
        {
            await (await admin.CreateOfficeAsync(office, district: 6)).AssertJsonAsync(HttpStatusCode.Created);
        }

        var person = NationalIds.Next();
        await (await admin.AddStaffAsync("AEV2", person)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.MoveStaffAsync(person, "AEV3")).AssertJsonAsync(HttpStatusCode.OK);
        await (await admin.DeactivateStaffAsync(person)).AssertJsonAsync(HttpStatusCode.OK);

        // Refused: already inactive, and never heard of.
        await (await admin.DeactivateStaffAsync(person)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.MoveStaffAsync(person, "AEV2")).AssertProblemAsync(HttpStatusCode.Conflict);

        (string?, string?, string?)[] expected =
        [
            ("AEV2", person, "Staff"), // joined AEV2
            ("AEV2", person, "Staff"), // left AEV2 ...
            ("AEV3", person, "Staff"), // ... for AEV3
            ("AEV3", person, "Staff"), // deactivated at AEV3
        ];
        var rows = await Service.OutboxRowsAboutAsync(EventName, person);
        Assert.Equal(expected.Order(), rows.Select(r => Announced(r.Payload)).Order());
        await Eventually.UntilAsync(() => Task.FromResult(listener.All.Count(r => Message(r).NationalId == person) >= expected.Length), Deadline, $"four announcements about {person} on the wire");
        Assert.Equal(expected.Order(), listener.All.Select(Message).Where(m => m.NationalId == person).Order());
    }

    [Fact]
    public async Task Every_qualification_attempt_announces_the_person_and_the_one_that_certifies_also_publishes_StaffCertified()
    {
        await using var listener = await RabbitListener.BindAsync(Service.RabbitMqConnectionString, Exchange);
        using var admin = Service.CreateClient(TestTokens.Admin());
        await (await admin.CreateOfficeAsync("AEV4", district: 7)).AssertJsonAsync(HttpStatusCode.Created);
        var person = NationalIds.Next();
        await (await admin.AddStaffAsync("AEV4", person)).AssertJsonAsync(HttpStatusCode.Created);

        // A failed exam changes an answer too (it ends a certification), so it is announced like the rest.
        await (await admin.RecordExamAsync(person, ServiceTypes.UrbanFile, 40m)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Empty(await Service.OutboxRowsAboutAsync("StaffCertified", person));
        await admin.CertifyAsync(person, ServiceTypes.UrbanFile);
        // Refused (no score): nothing recorded, nothing announced.
        await (await admin.PostAsJsonAsync(Requests.QualificationsPath(person), new { serviceType = ServiceTypes.UrbanFile, kind = "Exam" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        var qualifications = (await Service.OutboxRowsAboutAsync(EventName, person)).Select(r => Announced(r.Payload)).Where(a => a.Change == "Qualification").ToList();
        Assert.Equal(4, qualifications.Count);
        Assert.All(qualifications, a => Assert.Equal((null, person, "Qualification"), a));
        var certified = Assert.Single(await Service.OutboxRowsAboutAsync("StaffCertified", person));
        Assert.Equal("AEV4", certified.Payload.GetProperty("officeCode").GetString());

        await Eventually.UntilAsync(
            () => Task.FromResult(listener.All.Count(r => Message(r) == (null, person, "Qualification")) >= 4),
            Deadline,
            $"four qualification announcements about {person} on the wire");
    }

    private static (string? OfficeCode, string? NationalId, string? Change) Message(RabbitListener.Received received) =>
        Announced(received.Envelope.GetProperty("message"));

    private static (string? OfficeCode, string? NationalId, string? Change) Announced(JsonElement payload) =>
        (Text(payload, "officeCode"), Text(payload, "nationalId"), Text(payload, "change"));

    private static string? Text(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
