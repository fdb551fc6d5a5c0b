using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Codes;
using CityEServices.Messaging;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>
/// An office from nothing to a certified operator through the REST API: the office, its licence (with
/// OfficeLicenceChanged), its operator and three qualifications, the last of which certifies and commits
/// StaffCertified in the same transaction; both events reach RabbitMQ.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CertificationTests(OfficeManagementService service, ITestOutputHelper output) : ServiceTest<OfficeManagementService>(service, output), IClassFixture<OfficeManagementService>
{
    private const string LicenceExchange = "CityEServices.Contracts.Events:OfficeLicenceChanged";
    private const string CertifiedExchange = "CityEServices.Contracts.Events:StaffCertified";

    private static readonly KnownAdmin Sara = new("u-sara-4711", "Sara Admin");

    [Fact]
    public async Task Licensing_an_office_commits_and_publishes_one_OfficeLicenceChanged()
    {
        await using var listener = await RabbitListener.BindAsync(Service.RabbitMqConnectionString, LicenceExchange);
        using var admin = Service.CreateClient(Sara.Token);
        using var created = await admin.CreateOfficeAsync("ofc21", district: 21);
        var office = await created.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/offices/OFC21", created.Headers.Location?.OriginalString);
        Assert.Equal("OFC21", office.GetProperty("code").GetString());
        Assert.Equal(21, office.GetProperty("district").GetInt32());
        Assert.Equal("Pilot", office.GetProperty("status").GetString());
        // Creating an office is not an event.
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'officeCode' = 'OFC21'"));

        var correlationId = $"corr-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Requests.OfficePath("OFC21")}/licences")
        {
            Content = JsonContent.Create(new { serviceType = "building_permit" }),
        };
        request.Headers.Add(MessagingHeaders.CorrelationId, correlationId);
        var licence = await (await admin.SendAsync(request)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(ServiceTypes.BuildingPermit, licence.GetProperty("serviceType").GetString());
        Assert.True(licence.GetProperty("active").GetBoolean());
        Assert.Equal(Sara.Actor, licence.GetProperty("grantedBy").GetString());

        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM office_licences WHERE office_code = 'OFC21' AND service_type = @t AND revoked_at IS NULL", ("t", ServiceTypes.BuildingPermit)));
        var row = Assert.Single(await Service.OutboxRowsAsync("OfficeLicenceChanged", "OFC21"));
        Assert.Equal(correlationId, row.CorrelationId);
        Assert.Equal(ServiceTypes.BuildingPermit, row.Payload.GetProperty("serviceType").GetString());
        Assert.True(row.Payload.GetProperty("granted").GetBoolean());
        Assert.Equal(Sara.Actor, row.Payload.GetProperty("changedBy").GetString());

        var delivered = Assert.Single(await listener.WaitForAsync(
            m => m.Envelope.GetProperty("message").GetProperty("officeCode").GetString() == "OFC21",
            TimeSpan.FromSeconds(15),
            $"OfficeLicenceChanged for OFC21 on {LicenceExchange}"));
        Assert.Equal(row.Id, Guid.Parse(delivered.Envelope.GetProperty("messageId").GetString()!));
        Assert.Equal(ServiceTypes.BuildingPermit, delivered.Envelope.GetProperty("message").GetProperty("serviceType").GetString());
        Assert.True(delivered.Envelope.GetProperty("message").GetProperty("granted").GetBoolean());

        // Granting it again is a conflict, and no second event.
        var twice = await (await admin.GrantLicenceAsync("OFC21", ServiceTypes.BuildingPermit)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("AlreadyLicensed", twice.GetProperty("reason").GetString());
        Assert.Single(await Service.OutboxRowsAsync("OfficeLicenceChanged", "OFC21"));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM office_licences WHERE office_code = 'OFC21'"));
    }

    [Fact]
    public async Task The_third_passed_qualification_certifies_and_commits_exactly_one_StaffCertified_which_is_published()
    {
        await using var listener = await RabbitListener.BindAsync(Service.RabbitMqConnectionString, CertifiedExchange);
        using var admin = Service.CreateClient(Sara.Token);
        await (await admin.CreateOfficeAsync("OFC12")).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.GrantLicenceAsync("OFC12", ServiceTypes.UrbanFile)).AssertJsonAsync(HttpStatusCode.Created);

        // Typed with Persian digits at the admin's desk: stored and answered in ASCII.
        var person = NationalIds.Next();
        var staff = await (await admin.AddStaffAsync("OFC12", NationalIds.ToPersianDigits(person), "مریم عملیاتی")).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(person, staff.GetProperty("nationalId").GetString());
        Assert.Equal("OFC12", staff.GetProperty("officeCode").GetString());
        Assert.True(staff.GetProperty("active").GetBoolean());

        var exam = await (await admin.RecordExamAsync(person, ServiceTypes.UrbanFile, 85.5m)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.True(exam.GetProperty("attempt").GetProperty("passed").GetBoolean());
        Assert.Equal(85.5m, exam.GetProperty("attempt").GetProperty("score").GetDecimal());
        Assert.False(exam.GetProperty("status").GetProperty("certified").GetBoolean());

        var training = await (await admin.RecordAssessmentAsync(person, ServiceTypes.UrbanFile, "Training", passed: true)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.False(training.GetProperty("status").GetProperty("certified").GetBoolean());
        Assert.Empty(await Service.OutboxRowsAsync("StaffCertified", "OFC12"));

        var correlationId = $"corr-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, Requests.QualificationsPath(person))
        {
            // The interview comes last here: whichever of the three completes the set certifies.
            Content = JsonContent.Create(new { serviceType = ServiceTypes.UrbanFile, kind = "Interview", passed = true }),
        };
        request.Headers.Add(MessagingHeaders.CorrelationId, correlationId);
        var interview = await (await admin.SendAsync(request)).AssertJsonAsync(HttpStatusCode.Created);

        // Certified from the moment the last of the three was recorded, for two years.
        var status = interview.GetProperty("status");
        Assert.True(status.GetProperty("certified").GetBoolean());
        Assert.False(status.GetProperty("expired").GetBoolean());
        var recordedAt = Utc(interview.GetProperty("attempt").GetProperty("recordedAt"));
        var certifiedAt = Utc(status.GetProperty("certifiedAt"));
        var expiresAt = Utc(status.GetProperty("expiresAt"));
        Assert.Equal(recordedAt, certifiedAt);
        Assert.Equal(certifiedAt.AddDays(730), expiresAt);

        // One event, in the same commit as the attempt that completed the set.
        var row = Assert.Single(await Service.OutboxRowsAsync("StaffCertified", "OFC12"));
        Assert.Equal(correlationId, row.CorrelationId);
        Assert.Equal(person, row.Payload.GetProperty("nationalId").GetString());
        Assert.Equal(ServiceTypes.UrbanFile, row.Payload.GetProperty("serviceType").GetString());
        Assert.Equal(expiresAt, row.Payload.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(recordedAt, row.Payload.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(1, await Service.CountAsync(
            "SELECT count(*) FROM qualification_attempts WHERE national_id = @p AND kind = 'Interview' AND recorded_at = @at", ("p", person), ("at", recordedAt)));

        var delivered = Assert.Single(await listener.WaitForAsync(
            m => m.Envelope.GetProperty("message").GetProperty("nationalId").GetString() == person,
            TimeSpan.FromSeconds(15),
            $"StaffCertified for {person} on {CertifiedExchange}"));
        Assert.Equal(row.Id, Guid.Parse(delivered.Envelope.GetProperty("messageId").GetString()!));
        var message = delivered.Envelope.GetProperty("message");
        Assert.Equal("OFC12", message.GetProperty("officeCode").GetString());
        Assert.Equal(ServiceTypes.UrbanFile, message.GetProperty("serviceType").GetString());
        Assert.Equal(expiresAt, message.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(correlationId, message.GetProperty("correlationId").GetString());
        await Eventually.UntilAsync(
            async () => await Service.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @id AND published_at IS NOT NULL", ("id", row.Id)) == 1,
            TimeSpan.FromSeconds(10),
            "the StaffCertified outbox row marked published");

        // The office is licensed and has them on the staff; the operator reads their own record: certified.
        using var operatorClient = Service.CreateClient(TestTokens.Operator("OFC12", person));
        var office = await (await admin.GetAsync(Requests.OfficePath("ofc12"))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([ServiceTypes.UrbanFile], office.GetProperty("licences").EnumerateArray().Select(l => l.GetProperty("serviceType").GetString()));
        Assert.Equal([person], office.GetProperty("staff").EnumerateArray().Select(s => s.GetProperty("nationalId").GetString()));
        var record = await (await operatorClient.GetAsync(Requests.QualificationsPath(person))).AssertJsonAsync(HttpStatusCode.OK);
        var urbanFile = Assert.Single(record.GetProperty("statuses").EnumerateArray());
        Assert.True(urbanFile.GetProperty("certified").GetBoolean());
        Assert.Equal(3, record.GetProperty("attempts").GetArrayLength());
    }

    private static DateTimeOffset Utc(JsonElement dualTime) => dualTime.GetProperty("utc").GetDateTimeOffset();
}
