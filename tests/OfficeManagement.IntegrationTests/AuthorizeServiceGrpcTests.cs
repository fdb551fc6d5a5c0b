using CityEServices.Iran;
using System.Globalization;
using System.Net;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Contracts.Security;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>
/// AuthorizeService over the service's real gRPC pipeline (HTTP/2 through the TestServer), deciding from
/// offices, licences, staff and qualifications recorded through the REST API into the real database.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AuthorizeServiceGrpcTests : ServiceTest<OfficeManagementService>, IClassFixture<OfficeManagementService>, IAsyncLifetime
{
    private const string OfficeA = "OFCA1";
    private const string OfficeB = "OFCB2";

    // Fixed for the class: the fixture's database is this class's alone, and set up once.
    private static readonly string Certified = NationalIds.Next();
    private static readonly string ExamOnly = NationalIds.Next();
    private static readonly string CertifiedAtB = NationalIds.Next();

    private readonly GrpcChannel _channel;
    private readonly OfficeAuthorization.OfficeAuthorizationClient _client;

    public AuthorizeServiceGrpcTests(OfficeManagementService service, ITestOutputHelper output)
        : base(service, output)
    {
        _channel = service.CreateGrpcChannel();
        _client = new OfficeAuthorization.OfficeAuthorizationClient(_channel);
    }

    public async Task InitializeAsync()
    {
        if (await Service.CountAsync("SELECT count(*) FROM offices") > 0)
        {
            return;
        }

        using var admin = Service.CreateClient(TestTokens.Admin());
        foreach (var (office, district) in new[] { (OfficeA, 3), (OfficeB, 4) })
        {
            await (await admin.CreateOfficeAsync(office, district)).AssertJsonAsync(HttpStatusCode.Created);
            await (await admin.GrantLicenceAsync(office, ServiceTypes.UrbanFile)).AssertJsonAsync(HttpStatusCode.Created);
        }

        await (await admin.AddStaffAsync(OfficeA, Certified)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.AddStaffAsync(OfficeA, ExamOnly)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.AddStaffAsync(OfficeB, CertifiedAtB)).AssertJsonAsync(HttpStatusCode.Created);

        foreach (var person in new[] { Certified, CertifiedAtB })
        {
            await (await admin.RecordExamAsync(person, ServiceTypes.UrbanFile, 70m)).AssertJsonAsync(HttpStatusCode.Created);
            await (await admin.RecordAssessmentAsync(person, ServiceTypes.UrbanFile, "Interview", passed: true)).AssertJsonAsync(HttpStatusCode.Created);
            await (await admin.RecordAssessmentAsync(person, ServiceTypes.UrbanFile, "Training", passed: true)).AssertJsonAsync(HttpStatusCode.Created);
        }

        await (await admin.RecordExamAsync(ExamOnly, ServiceTypes.UrbanFile, 92m)).AssertJsonAsync(HttpStatusCode.Created);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _channel.Dispose();
        }

        base.Dispose(disposing);
    }

    // Urban planning forwards the operator's own token.
    private static Metadata Bearer(string token) => new() { { "Authorization", $"Bearer {token}" } };

    private static readonly string OperatorToken = TestTokens.Operator(OfficeA, "1583250689");

    private Task<AuthorizeServiceReply> AuthorizeAsync(string office, string nationalId, string serviceType) =>
        _client.AuthorizeServiceAsync(
            new AuthorizeServiceRequest { OfficeCode = office, OperatorNationalId = nationalId, ServiceType = serviceType },
            Bearer(OperatorToken),
            DateTime.UtcNow.AddSeconds(10)).ResponseAsync;

    [Fact]
    public async Task A_certified_operator_at_a_licensed_office_is_allowed()
    {
        var reply = await AuthorizeAsync(OfficeA, Certified, ServiceTypes.UrbanFile);

        Assert.True(reply.Allowed, reply.Detail);
        Assert.Equal(string.Empty, reply.Reason);
        Assert.NotEqual(string.Empty, reply.ExpiresAt);

        // The office code as typed at a counter, and the national ID in Persian digits, are the same.
        var typed = await AuthorizeAsync("ofca1", NationalIds.ToPersianDigits(Certified), ServiceTypes.UrbanFile);
        Assert.True(typed.Allowed, typed.Detail);
    }

    [Fact]
    public async Task An_operator_who_has_only_passed_the_exam_is_NotCertified()
    {
        var reply = await AuthorizeAsync(OfficeA, ExamOnly, ServiceTypes.UrbanFile);

        Assert.False(reply.Allowed);
        Assert.Equal("NotCertified", reply.Reason);
        Assert.Equal(string.Empty, reply.ExpiresAt);
        Assert.Contains(ExamOnly, reply.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_type_the_office_is_not_licensed_for_is_OfficeNotLicensed()
    {
        var reply = await AuthorizeAsync(OfficeA, Certified, ServiceTypes.BuildingPermit);

        Assert.False(reply.Allowed);
        Assert.Equal("OfficeNotLicensed", reply.Reason);
    }

    [Fact]
    public async Task A_certified_operator_of_another_office_is_OperatorNotAtOffice()
    {
        var elsewhere = await AuthorizeAsync(OfficeA, CertifiedAtB, ServiceTypes.UrbanFile);
        Assert.False(elsewhere.Allowed);
        Assert.Equal("OperatorNotAtOffice", elsewhere.Reason);

        // At their own office the same person is allowed: the refusal is about the office.
        var atHome = await AuthorizeAsync(OfficeB, CertifiedAtB, ServiceTypes.UrbanFile);
        Assert.True(atHome.Allowed, atHome.Detail);
    }

    [Fact]
    public async Task An_allowed_answer_holds_until_the_certification_expires_and_says_so_in_ISO_8601_UTC()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var record = await (await admin.GetAsync($"/api/staff/{Certified}/qualifications")).AssertJsonAsync(HttpStatusCode.OK);
        var expires = Assert.Single(record.GetProperty("statuses").EnumerateArray()).GetProperty("expiresAt").GetProperty("utc").GetDateTimeOffset();

        // Asked twice: the second answer comes from the cache and must carry the same expiry.
        foreach (var _ in new[] { 1, 2 })
        {
            var reply = await AuthorizeAsync(OfficeA, Certified, ServiceTypes.UrbanFile);
            Assert.True(reply.Allowed, reply.Detail);
            Assert.Equal(expires.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), reply.ExpiresAt);
            Assert.EndsWith("Z", reply.ExpiresAt, StringComparison.Ordinal);
            Assert.Equal(expires, DateTimeOffset.Parse(reply.ExpiresAt, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_revoked_licence_is_LicenceRevoked_and_one_never_granted_is_OfficeNotLicensed()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        await (await admin.GrantLicenceAsync(OfficeB, ServiceTypes.WasteContract)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.RevokeLicenceAsync(OfficeB, ServiceTypes.WasteContract)).AssertJsonAsync(HttpStatusCode.OK);

        var revoked = await AuthorizeAsync(OfficeB, CertifiedAtB, ServiceTypes.WasteContract);
        Assert.False(revoked.Allowed);
        Assert.Equal("LicenceRevoked", revoked.Reason);

        var neverGranted = await AuthorizeAsync(OfficeB, CertifiedAtB, ServiceTypes.ExcavationPermit);
        Assert.Equal("OfficeNotLicensed", neverGranted.Reason);
    }

    [Fact]
    public async Task A_person_who_left_the_office_is_StaffInactive_and_one_never_there_is_OperatorNotAtOffice()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var leaver = NationalIds.Next();
        await (await admin.AddStaffAsync(OfficeA, leaver)).AssertJsonAsync(HttpStatusCode.Created);
        await admin.CertifyAsync(leaver, ServiceTypes.UrbanFile);
        Assert.True((await AuthorizeAsync(OfficeA, leaver, ServiceTypes.UrbanFile)).Allowed);

        await (await admin.MoveStaffAsync(leaver, OfficeB)).AssertJsonAsync(HttpStatusCode.OK);
        var movedAway = await AuthorizeAsync(OfficeA, leaver, ServiceTypes.UrbanFile);
        Assert.Equal("StaffInactive", movedAway.Reason);
        Assert.Contains("moved away", movedAway.Detail, StringComparison.Ordinal);
        Assert.True((await AuthorizeAsync(OfficeB, leaver, ServiceTypes.UrbanFile)).Allowed);

        await (await admin.DeactivateStaffAsync(leaver)).AssertJsonAsync(HttpStatusCode.OK);
        var deactivated = await AuthorizeAsync(OfficeB, leaver, ServiceTypes.UrbanFile);
        Assert.Equal("StaffInactive", deactivated.Reason);
        Assert.Contains("deactivated", deactivated.Detail, StringComparison.Ordinal);

        Assert.Equal("OperatorNotAtOffice", (await AuthorizeAsync(OfficeB, ExamOnly, ServiceTypes.UrbanFile)).Reason);
    }

    [Theory]
    [InlineData("OFCZZ9")]
    [InlineData("not a code!")]
    public async Task An_office_that_does_not_exist_is_OfficeNotFound(string office)
    {
        var reply = await AuthorizeAsync(office, Certified, ServiceTypes.UrbanFile);

        Assert.False(reply.Allowed);
        Assert.Equal("OfficeNotFound", reply.Reason);
    }

    [Fact]
    public async Task A_service_type_that_is_not_in_the_list_is_ServiceTypeInactive()
    {
        var reply = await AuthorizeAsync(OfficeA, Certified, "PARKING_PERMIT");

        Assert.False(reply.Allowed);
        Assert.Equal("ServiceTypeInactive", reply.Reason);
    }

    [Fact]
    public async Task Without_a_token_or_with_a_forged_one_it_is_Unauthenticated()
    {
        var request = new AuthorizeServiceRequest { OfficeCode = OfficeA, OperatorNationalId = Certified, ServiceType = ServiceTypes.UrbanFile };

        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            _client.AuthorizeServiceAsync(request, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        var forged = await Assert.ThrowsAsync<RpcException>(() =>
            _client.AuthorizeServiceAsync(request, Bearer(TestTokens.Forged([Roles.Admin])), DateTime.UtcNow.AddSeconds(10)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, forged.StatusCode);
    }
}
