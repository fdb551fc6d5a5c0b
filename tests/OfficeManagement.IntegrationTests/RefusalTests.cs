using CityEServices.Iran;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Security;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>
/// Every refusal is a 4xx problem that says why, and leaves every table exactly as it was: no office,
/// licence, staff record, attempt or event.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RefusalTests(OfficeManagementService service, ITestOutputHelper output) : ServiceTest<OfficeManagementService>(service, output), IClassFixture<OfficeManagementService>, IAsyncLifetime
{
    /// <summary>An office that exists, licensed for URBAN_FILE, with one operator (<see cref="Staff"/>).</summary>
    private const string Office = "OFC7";

    private static readonly string Staff = NationalIds.Next();

    public async Task InitializeAsync()
    {
        if (await Service.CountAsync("SELECT count(*) FROM offices WHERE code = @c", ("c", Office)) > 0)
        {
            return;
        }

        using var admin = Service.CreateClient(TestTokens.Admin());
        await (await admin.CreateOfficeAsync(Office, district: 7)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.GrantLicenceAsync(Office, ServiceTypes.UrbanFile)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.AddStaffAsync(Office, Staff)).AssertJsonAsync(HttpStatusCode.Created);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Creating_an_office_whose_code_exists_is_409_whatever_its_case()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());

        foreach (var code in new[] { Office, Office.ToLowerInvariant() })
        {
            var problem = await RefusedAsync(() => admin.CreateOfficeAsync(code, district: 9, name: "Another office"), HttpStatusCode.Conflict);
            Assert.Contains(Office, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("OfficeExists", problem.GetProperty("reason").GetString());
        }

        // The first office stands as it was.
        var office = await (await admin.GetAsync(Requests.OfficePath(Office))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(7, office.GetProperty("district").GetInt32());
    }

    [Fact]
    public async Task A_licence_for_a_service_type_that_is_not_in_the_list_is_400_on_serviceType()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());

        var problem = await RefusedAsync(() => admin.GrantLicenceAsync(Office, "PARKING_PERMIT"), HttpStatusCode.BadRequest);

        Assert.Equal(["serviceType"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Only_admins_may_create_license_staff_or_record_qualifications()
    {
        // Staff of another role hear which role it takes; an integrator client first hears that no scope opens it.
        foreach (var (token, reason) in new[] { (TestTokens.Operator(Office, Staff), "RoleNotAllowed"), (TestTokens.Create([Roles.Registrar]), "RoleNotAllowed"), (TestTokens.Integrator(), "insufficient_scope") })
        {
            using var client = Service.CreateClient(token);
            foreach (var send in new Func<Task<HttpResponseMessage>>[]
            {
                () => client.CreateOfficeAsync("OFC99"),
                () => client.GrantLicenceAsync(Office, ServiceTypes.BuildingPermit),
                () => client.AddStaffAsync(Office, NationalIds.Next()),
                () => client.RecordExamAsync(Staff, ServiceTypes.UrbanFile, 95m),
            })
            {
                var problem = await RefusedAsync(send, HttpStatusCode.Forbidden);
                Assert.Equal(reason, problem.GetProperty("reason").GetString());
                if (reason == "RoleNotAllowed")
                {
                    Assert.Contains(Roles.Admin, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task Only_the_offices_own_manager_may_read_it()
    {
        using (var admin = Service.CreateClient(TestTokens.Admin()))
        {
            if (await Service.CountAsync("SELECT count(*) FROM offices WHERE code = 'OFC8'") == 0)
            {
                await (await admin.CreateOfficeAsync("OFC8", district: 8)).AssertJsonAsync(HttpStatusCode.Created);
            }
        }

        using var client = Service.CreateClient(TestTokens.Operator(Office, Staff));
        var other = await (await client.GetAsync(Requests.OfficePath("OFC8"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("NotYourOffice", other.GetProperty("reason").GetString());

        // The same answer for an office that does not exist: an operator cannot probe which do.
        var missing = await (await client.GetAsync(Requests.OfficePath("OFC404"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("NotYourOffice", missing.GetProperty("reason").GetString());

        // Their own office only when their staff record there is Manager.
        var notManager = await (await client.GetAsync(Requests.OfficePath(Office))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("NotOfficeManager", notManager.GetProperty("reason").GetString());

        var manager = NationalIds.Next();
        using (var admin = Service.CreateClient(TestTokens.Admin()))
        {
            await (await admin.AddStaffAsync(Office, manager, "Manager Test", role: "Manager")).AssertJsonAsync(HttpStatusCode.Created);
        }

        using var managerClient = Service.CreateClient(TestTokens.Operator(Office, manager));
        var own = await (await managerClient.GetAsync(Requests.OfficePath(Office))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(Office, own.GetProperty("code").GetString());

        // Nor another person's qualifications.
        var notMine = await (await client.GetAsync(Requests.QualificationsPath(NationalIds.Next()))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("NotYourRecord", notMine.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Without_a_valid_token_nothing_is_written_or_read()
    {
        using (var anonymous = Service.CreateClient())
        {
            await RefusedAsync(() => anonymous.CreateOfficeAsync("OFC98"), HttpStatusCode.Unauthorized);
            await RefusedAsync(() => anonymous.RecordExamAsync(Staff, ServiceTypes.UrbanFile, 95m), HttpStatusCode.Unauthorized);
            await (await anonymous.GetAsync(Requests.OfficePath(Office))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var forged = Service.CreateClient(TestTokens.Forged([Roles.Admin]));
        await RefusedAsync(() => forged.CreateOfficeAsync("OFC98"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_exam_below_the_pass_mark_is_recorded_as_failed_and_never_certifies()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var person = NationalIds.Next();
        await (await admin.AddStaffAsync(Office, person, "Reza Operator")).AssertJsonAsync(HttpStatusCode.Created);

        // Claiming a pass the score does not earn is refused outright, and writes nothing.
        var claimed = await RefusedAsync(
            () => admin.PostAsJsonAsync(Requests.QualificationsPath(person), new { serviceType = ServiceTypes.UrbanFile, kind = "Exam", score = 69.99m, passed = true }),
            HttpStatusCode.BadRequest);
        Assert.True(claimed.GetProperty("errors").TryGetProperty("passed", out _), claimed.ToString());

        var exam = await (await admin.RecordExamAsync(person, ServiceTypes.UrbanFile, 69.99m)).AssertJsonAsync(HttpStatusCode.Created);
        Assert.False(exam.GetProperty("attempt").GetProperty("passed").GetBoolean());
        Assert.Equal(70m, exam.GetProperty("attempt").GetProperty("passMark").GetDecimal());
        await (await admin.RecordAssessmentAsync(person, ServiceTypes.UrbanFile, "Interview", passed: true)).AssertJsonAsync(HttpStatusCode.Created);
        var training = await (await admin.RecordAssessmentAsync(person, ServiceTypes.UrbanFile, "Training", passed: true)).AssertJsonAsync(HttpStatusCode.Created);

        var status = training.GetProperty("status");
        Assert.False(status.GetProperty("certified").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("certifiedAt").ValueKind);
        Assert.False(status.GetProperty("exam").GetProperty("passed").GetBoolean());
        // No certification event: only the announcements that the person's answers changed (joining, three attempts).
        Assert.Empty(await Service.OutboxRowsAboutAsync("StaffCertified", person));
        Assert.Equal(
            ["Staff", "Qualification", "Qualification", "Qualification"],
            (await Service.OutboxRowsAboutAsync("OfficeAuthorizationChanged", person)).Select(r => r.Payload.GetProperty("change").GetString()));
        Assert.Equal(4, await Service.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'nationalId' = @p", ("p", person)));
        Assert.Equal(3, await Service.CountAsync("SELECT count(*) FROM qualification_attempts WHERE national_id = @p", ("p", person)));

        // And the counter is refused for it.
        using var channel = Service.CreateGrpcChannel();
        var reply = await new Contracts.Grpc.OfficeManagement.OfficeAuthorization.OfficeAuthorizationClient(channel).AuthorizeServiceAsync(
            new() { OfficeCode = Office, OperatorNationalId = person, ServiceType = ServiceTypes.UrbanFile },
            new global::Grpc.Core.Metadata { { "Authorization", $"Bearer {TestTokens.Operator(Office, person)}" } },
            DateTime.UtcNow.AddSeconds(10));
        Assert.Equal("NotCertified", reply.Reason);
    }

    [Fact]
    public async Task A_qualification_for_someone_never_on_any_staff_is_404()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var stranger = NationalIds.Next();

        var problem = await RefusedAsync(() => admin.RecordExamAsync(stranger, ServiceTypes.UrbanFile, 95m), HttpStatusCode.NotFound);

        Assert.Contains(stranger, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"code\": \"OFC97\", \"name\": ")]
    [InlineData("{\"code\": \"OFC97\", \"district\": \"seven\"}")]
    [InlineData("[]")]
    public async Task An_unreadable_body_is_a_400_problem_not_a_500(string body)
    {
        using var admin = Service.CreateClient(TestTokens.Admin());

        await RefusedAsync(() => admin.PostRawAsync(Requests.OfficesPath, body), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_by_content_type_is_415()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var json = JsonSerializer.Serialize(new { code = "OFC96", name = "Office", district = 9, address = "Tehran" });

        await RefusedAsync(() => admin.PostRawAsync(Requests.OfficesPath, json, "text/plain"), HttpStatusCode.UnsupportedMediaType);
    }

    /// <summary>Sends a request that must be refused with <paramref name="status"/>, checks nothing was written, and returns the problem.</summary>
    private async Task<JsonElement> RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status)
    {
        var before = await Service.CountWritesAsync();
        using var response = await send();
        var problem = await response.AssertProblemAsync(status);
        Assert.Equal(before, await Service.CountWritesAsync());
        return problem;
    }
}
