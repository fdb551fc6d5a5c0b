using CityEServices.Iran;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>
/// Authorisation answers come from the real Redis, and every change that could alter one (licence,
/// status, staff add/move/deactivate, qualification) retires it at once: the very next question gets
/// the new answer.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AuthorizationCacheTests : ServiceTest<OfficeManagementService>, IClassFixture<OfficeManagementService>
{
    private const string Permit = ServiceTypes.BuildingPermit;

    private readonly GrpcChannel _channel;
    private readonly OfficeAuthorization.OfficeAuthorizationClient _client;

    public AuthorizationCacheTests(OfficeManagementService service, ITestOutputHelper output)
        : base(service, output)
    {
        _channel = service.CreateGrpcChannel();
        _client = new OfficeAuthorization.OfficeAuthorizationClient(_channel);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _channel.Dispose();
        }

        base.Dispose(disposing);
    }

    [Fact]
    public async Task Answers_are_cached_and_every_office_change_retires_them_at_once()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var person = await CertifiedOperatorAsync(admin, "CCH1");
        Assert.Equal("", await ReasonAsync("CCH1", person));

        // Proof that the answer is cached: a change behind the service's back is not seen...
        await Service.ExecuteAsync("UPDATE office_licences SET revoked_at = now(), revoked_by = 'sql' WHERE office_code = 'CCH1'");
        Assert.Equal("", await ReasonAsync("CCH1", person));
        await Service.ExecuteAsync("UPDATE office_licences SET revoked_at = NULL, revoked_by = NULL WHERE office_code = 'CCH1'");

        // ...while every change through the service is seen by the very next question.
        await (await admin.RevokeLicenceAsync("CCH1", Permit)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("LicenceRevoked", await ReasonAsync("CCH1", person));

        await (await admin.GrantLicenceAsync("CCH1", Permit)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("", await ReasonAsync("CCH1", person));

        await (await admin.ChangeStatusAsync("CCH1", "Suspended")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("OfficeSuspended", await ReasonAsync("CCH1", person));

        await (await admin.ChangeStatusAsync("CCH1", "Active")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("", await ReasonAsync("CCH1", person));

        await (await admin.ChangeStatusAsync("CCH1", "Closed")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("OfficeClosed", await ReasonAsync("CCH1", person));
    }

    [Fact]
    public async Task Every_staff_and_qualification_change_retires_the_persons_answers_at_once()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var person = await CertifiedOperatorAsync(admin, "CCH2");
        await (await admin.CreateOfficeAsync("CCH3", district: 9)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.GrantLicenceAsync("CCH3", Permit)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("", await ReasonAsync("CCH2", person));
        Assert.Equal("OperatorNotAtOffice", await ReasonAsync("CCH3", person));

        await (await admin.MoveStaffAsync(person, "CCH3")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("StaffInactive", await ReasonAsync("CCH2", person));
        Assert.Equal("", await ReasonAsync("CCH3", person));

        await (await admin.DeactivateStaffAsync(person)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("StaffInactive", await ReasonAsync("CCH3", person));

        await (await admin.AddStaffAsync("CCH3", person)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("", await ReasonAsync("CCH3", person));

        // A failed retake of the exam: the latest exam counts, so the certification is gone at once.
        await (await admin.RecordExamAsync(person, Permit, 30m)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("NotCertified", await ReasonAsync("CCH3", person));

        await (await admin.RecordExamAsync(person, Permit, 90m)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("", await ReasonAsync("CCH3", person));
    }

    [Fact]
    public async Task The_admin_REST_query_gives_the_same_answer_as_gRPC()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var person = await CertifiedOperatorAsync(admin, "CCH4");
        var examOnly = NationalIds.Next();
        await (await admin.AddStaffAsync("CCH4", examOnly)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.RecordExamAsync(examOnly, Permit, 99m)).AssertJsonAsync(HttpStatusCode.Created);

        var allowed = await (await admin.GetDecisionAsync("CCH4", person, Permit)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(allowed.GetProperty("allowed").GetBoolean());
        // Until the certification runs out, the same instant gRPC gives.
        var reply = await _client.AuthorizeServiceAsync(
            new AuthorizeServiceRequest { OfficeCode = "CCH4", OperatorNationalId = person, ServiceType = Permit },
            new Metadata { { "Authorization", $"Bearer {TestTokens.Operator("CCH4", person)}" } },
            DateTime.UtcNow.AddSeconds(10));
        Assert.Equal(
            DateTimeOffset.Parse(reply.ExpiresAt, CultureInfo.InvariantCulture),
            allowed.GetProperty("expiresAt").GetProperty("utc").GetDateTimeOffset());

        var refused = await (await admin.GetDecisionAsync("cch4", examOnly, Permit)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.False(refused.GetProperty("allowed").GetBoolean());
        Assert.Equal("NotCertified", refused.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("expiresAt").ValueKind);
        Assert.Equal("NotCertified", await ReasonAsync("CCH4", examOnly));

        var unknownType = await (await admin.GetDecisionAsync("CCH4", person, "PARKING")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ServiceTypeInactive", unknownType.GetProperty("reason").GetString());

        var bad = await (await admin.GetAsync("/api/offices/CCH4/authorization?operatorNationalId=123")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("operatorNationalId", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("serviceType", out _));
    }

    private async Task<string> CertifiedOperatorAsync(HttpClient admin, string office)
    {
        var person = NationalIds.Next();
        await (await admin.CreateOfficeAsync(office, district: 9)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.ChangeStatusAsync(office, "Active")).AssertJsonAsync(HttpStatusCode.OK);
        await (await admin.GrantLicenceAsync(office, Permit)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.AddStaffAsync(office, person)).AssertJsonAsync(HttpStatusCode.Created);
        await admin.CertifyAsync(person, Permit);
        return person;
    }

    private async Task<string> ReasonAsync(string office, string person)
    {
        var reply = await _client.AuthorizeServiceAsync(
            new AuthorizeServiceRequest { OfficeCode = office, OperatorNationalId = person, ServiceType = Permit },
            new Metadata { { "Authorization", $"Bearer {TestTokens.Operator(office, person)}" } },
            DateTime.UtcNow.AddSeconds(10));
        Assert.Equal(reply.Reason == "", reply.Allowed);
        return reply.Reason;
    }
}
