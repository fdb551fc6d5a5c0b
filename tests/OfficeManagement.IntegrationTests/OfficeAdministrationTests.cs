using CityEServices.Iran;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Security;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>
/// The admin's side over REST against the real database: listing with filters and paging, status
/// changes with history, licence revocation with who and when, staff moves and deactivation with
/// history, and the 4xx answer for each way these can be asked wrongly.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class OfficeAdministrationTests(OfficeManagementService service, ITestOutputHelper output) : ServiceTest<OfficeManagementService>(service, output), IClassFixture<OfficeManagementService>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (await Service.CountAsync("SELECT count(*) FROM offices WHERE code LIKE 'LST%'") > 0)
        {
            return;
        }

        // Seven offices in district 5, three of them licensed for BUILDING_PERMIT, one suspended.
        using var admin = Service.CreateClient(TestTokens.Admin());
        for (var i = 1; i <= 7; i++)
        {
            await (await admin.CreateOfficeAsync($"LST{i}", district: 5)).AssertJsonAsync(HttpStatusCode.Created);
            if (i <= 3)
            {
                await (await admin.GrantLicenceAsync($"LST{i}", ServiceTypes.BuildingPermit)).AssertJsonAsync(HttpStatusCode.Created);
            }
        }

        await (await admin.ChangeStatusAsync("LST7", "Suspended", "inspection")).AssertJsonAsync(HttpStatusCode.OK);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Offices_are_listed_by_district_status_and_licensed_type_in_pages()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());

        var first = await (await admin.GetAsync("/api/offices?district=5&pageSize=3")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(7, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(3, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(["LST1", "LST2", "LST3"], Codes(first));

        var last = await (await admin.GetAsync("/api/offices?district=5&pageSize=3&page=3")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["LST7"], Codes(last));

        var licensed = await (await admin.GetAsync($"/api/offices?district=5&serviceType={ServiceTypes.BuildingPermit}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["LST1", "LST2", "LST3"], Codes(licensed));
        Assert.Equal(ServiceTypes.BuildingPermit, licensed.GetProperty("items")[0].GetProperty("licensedServiceTypes")[0].GetString());

        var suspended = await (await admin.GetAsync("/api/offices?status=suspended&district=5")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["LST7"], Codes(suspended));

        var none = await (await admin.GetAsync("/api/offices?district=21")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("district=23", "district")]
    [InlineData("status=Open", "status")]
    [InlineData("serviceType=PARKING", "serviceType")]
    public async Task A_bad_list_filter_is_400_on_that_field(string query, string field)
    {
        using var admin = Service.CreateClient(TestTokens.Admin());

        var problem = await (await admin.GetAsync($"/api/offices?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_list_filter_that_is_not_a_number_is_400_not_500()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());

        await (await admin.GetAsync("/api/offices?page=two")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_admins_list_offices_or_change_them()
    {
        using var client = Service.CreateClient(TestTokens.Operator("LST1", NationalIds.Next()));
        foreach (var send in new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync("/api/offices"),
            () => client.ChangeStatusAsync("LST1", "Active"),
            () => client.RevokeLicenceAsync("LST1", ServiceTypes.BuildingPermit),
            () => client.MoveStaffAsync(NationalIds.Next(), "LST2"),
            () => client.DeactivateStaffAsync(NationalIds.Next()),
            () => client.GetDecisionAsync("LST1", NationalIds.Next(), ServiceTypes.BuildingPermit),
        })
        {
            var problem = await (await send()).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("RoleNotAllowed", problem.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task Status_changes_are_kept_with_who_when_and_why_and_closing_is_final()
    {
        var inspector = new KnownAdmin("u-karimi", "Inspector Karimi");
        using var admin = Service.CreateClient(inspector.Token);
        await (await admin.CreateOfficeAsync("STS1", district: 6)).AssertJsonAsync(HttpStatusCode.Created);

        var activated = await (await admin.ChangeStatusAsync("STS1", "Active", "pilot ended")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Pilot", activated.GetProperty("fromStatus").GetString());
        Assert.Equal("Active", activated.GetProperty("toStatus").GetString());
        Assert.Equal(inspector.Actor, activated.GetProperty("changedBy").GetString());

        var same = await (await admin.ChangeStatusAsync("STS1", "Active")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already Active", same.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("StatusUnchanged", same.GetProperty("reason").GetString());

        await (await admin.ChangeStatusAsync("STS1", "Closed", "lease ended")).AssertJsonAsync(HttpStatusCode.OK);
        var closed = await (await admin.ChangeStatusAsync("STS1", "Active")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("OfficeClosed", closed.GetProperty("reason").GetString());

        var office = await (await admin.GetAsync(Requests.OfficePath("STS1"))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Closed", office.GetProperty("status").GetString());
        var history = office.GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(["Active", "Closed"], history.Select(h => h.GetProperty("toStatus").GetString()));
        Assert.Equal("lease ended", history[1].GetProperty("note").GetString());
        Assert.False(string.IsNullOrEmpty(history[1].GetProperty("changedAt").GetProperty("jalali").GetString()));
        Assert.All(history, h => Assert.Equal(inspector.Actor, h.GetProperty("changedBy").GetString()));
    }

    [Theory]
    [InlineData("STS404", "{\"status\":\"Active\"}", HttpStatusCode.NotFound)]
    [InlineData("LST1", "{\"status\":\"Open\"}", HttpStatusCode.BadRequest)]
    [InlineData("LST1", "{}", HttpStatusCode.BadRequest)]
    [InlineData("LST-1", "{\"status\":\"Active\"}", HttpStatusCode.BadRequest)]
    public async Task A_status_change_asked_wrongly_changes_nothing(string office, string body, HttpStatusCode status)
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var before = await Service.CountWritesAsync();

        await (await admin.PostRawAsync($"{Requests.OfficePath(office)}/status", body)).AssertProblemAsync(status);

        Assert.Equal(before, await Service.CountWritesAsync());
    }

    [Fact]
    public async Task A_revoked_licence_stays_as_history_with_who_and_when_and_publishes_OfficeLicenceChanged()
    {
        var desk = new KnownAdmin("u-licensing", "Licensing Desk");
        using var admin = Service.CreateClient(desk.Token);
        await (await admin.CreateOfficeAsync("REV1", district: 2)).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.GrantLicenceAsync("REV1", ServiceTypes.ExcavationPermit)).AssertJsonAsync(HttpStatusCode.Created);

        var revoked = await (await admin.RevokeLicenceAsync("REV1", ServiceTypes.ExcavationPermit)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.False(revoked.GetProperty("active").GetBoolean());
        Assert.Equal(desk.Actor, revoked.GetProperty("revokedBy").GetString());

        // Nothing left to revoke; then granted again as a new licence.
        var again = await (await admin.RevokeLicenceAsync("REV1", ServiceTypes.ExcavationPermit)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("NoActiveLicence", again.GetProperty("reason").GetString());
        await (await admin.GrantLicenceAsync("REV1", ServiceTypes.ExcavationPermit)).AssertJsonAsync(HttpStatusCode.Created);
        var office = await (await admin.GetAsync(Requests.OfficePath("REV1"))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([false, true], office.GetProperty("licences").EnumerateArray().Select(l => l.GetProperty("active").GetBoolean()));

        var events = await Service.OutboxRowsAsync("OfficeLicenceChanged", "REV1");
        Assert.Equal([true, false, true], events.Select(e => e.Payload.GetProperty("granted").GetBoolean()));
        Assert.Equal(desk.Actor, events[1].Payload.GetProperty("changedBy").GetString());
    }

    [Theory]
    [InlineData("REV404", ServiceTypes.BuildingPermit, HttpStatusCode.NotFound)]
    [InlineData("LST1", "PARKING", HttpStatusCode.BadRequest)]
    [InlineData("LST4", ServiceTypes.BuildingPermit, HttpStatusCode.Conflict)]
    public async Task A_revocation_asked_wrongly_changes_nothing(string office, string serviceType, HttpStatusCode status)
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var before = await Service.CountWritesAsync();

        await (await admin.RevokeLicenceAsync(office, serviceType)).AssertProblemAsync(status);

        Assert.Equal(before, await Service.CountWritesAsync());
    }

    [Fact]
    public async Task A_move_ends_one_engagement_and_starts_the_next_and_the_history_keeps_both()
    {
        var hr = new KnownAdmin("u-hr", "HR Desk");
        using var admin = Service.CreateClient(hr.Token);
        var person = NationalIds.Next();
        await (await admin.AddStaffAsync("LST1", person, "Nima Moved", "Operator")).AssertJsonAsync(HttpStatusCode.Created);

        var moved = await (await admin.MoveStaffAsync(person, "lst2", "TechnicalManager")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("LST2", moved.GetProperty("officeCode").GetString());
        Assert.Equal("TechnicalManager", moved.GetProperty("role").GetString());

        var sameOffice = await (await admin.MoveStaffAsync(person, "LST2")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("AlreadyAtOffice", sameOffice.GetProperty("reason").GetString());
        await (await admin.MoveStaffAsync(person, "LST404")).AssertProblemAsync(HttpStatusCode.NotFound);

        await (await admin.DeactivateStaffAsync(person)).AssertJsonAsync(HttpStatusCode.OK);
        var twice = await (await admin.DeactivateStaffAsync(person)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("StaffNotActive", twice.GetProperty("reason").GetString());
        var notActive = await (await admin.MoveStaffAsync(person, "LST3")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("StaffNotActive", notActive.GetProperty("reason").GetString());

        var history = await (await admin.GetAsync($"/api/staff/{person}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, history.GetProperty("currentOfficeCode").ValueKind);
        var engagements = history.GetProperty("engagements").EnumerateArray().ToList();
        Assert.Equal(["LST2", "LST1"], engagements.Select(e => e.GetProperty("officeCode").GetString()));
        Assert.Equal(["Deactivated", "Moved"], engagements.Select(e => e.GetProperty("endReason").GetString()));
        Assert.All(engagements, e => Assert.Equal(hr.Actor, e.GetProperty("deactivatedBy").GetString()));

        // Re-registered later: a third engagement, the history grows.
        await (await admin.AddStaffAsync("LST3", person, "Nima Moved", "Operator")).AssertJsonAsync(HttpStatusCode.Created);
        var again = await (await admin.GetAsync($"/api/staff/{person}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("LST3", again.GetProperty("currentOfficeCode").GetString());
        Assert.Equal(3, again.GetProperty("engagements").GetArrayLength());
    }

    [Fact]
    public async Task Moves_and_deactivations_of_unknown_or_malformed_people_are_404_or_400()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var stranger = NationalIds.Next();
        var before = await Service.CountWritesAsync();

        await (await admin.MoveStaffAsync(stranger, "LST1")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeactivateStaffAsync(stranger)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/staff/{stranger}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeactivateStaffAsync("0076229646")).AssertProblemAsync(HttpStatusCode.BadRequest);
        var badOffice = await (await admin.MoveStaffAsync(stranger, "LST-1")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badOffice.GetProperty("errors").TryGetProperty("officeCode", out _));
        await (await admin.PostAsJsonAsync($"/api/staff/{stranger}/move", new { officeCode = "LST1", role = "Boss" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, await Service.CountWritesAsync());
    }

    [Fact]
    public async Task A_person_reads_their_own_history_and_nobody_elses()
    {
        var person = NationalIds.Next();
        using (var admin = Service.CreateClient(TestTokens.Admin()))
        {
            await (await admin.AddStaffAsync("LST5", person)).AssertJsonAsync(HttpStatusCode.Created);
        }

        using var self = Service.CreateClient(TestTokens.Operator("LST5", person));
        var own = await (await self.GetAsync($"/api/staff/{person}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("LST5", own.GetProperty("currentOfficeCode").GetString());

        var other = await (await self.GetAsync($"/api/staff/{NationalIds.Next()}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("NotYourRecord", other.GetProperty("reason").GetString());

        // The same person signed in as a citizen is not staff: staff records are not a citizen's view.
        using var asCitizen = Service.CreateClient(TestTokens.Create([Roles.Citizen], nationalId: person, subject: "citizen:" + person));
        var citizen = await (await asCitizen.GetAsync($"/api/staff/{person}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("NotYourRecord", citizen.GetProperty("reason").GetString());
        await (await asCitizen.GetAsync($"/api/staff/{person}/qualifications")).AssertProblemAsync(HttpStatusCode.Forbidden);

        using var anonymous = Service.CreateClient();
        await (await anonymous.GetAsync($"/api/staff/{person}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_office_code_that_is_a_route_name_is_refused()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());

        var problem = await (await admin.CreateOfficeAsync("scorecards")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task The_catalog_has_titles_staff_requirements_and_the_active_flag_for_integrators()
    {
        using var integrator = Service.CreateClient(TestTokens.Integrator());

        var catalog = await (await integrator.GetAsync("/api/service-types")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(ServiceTypes.All, catalog.EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        var permit = catalog.EnumerateArray().Single(t => t.GetProperty("code").GetString() == ServiceTypes.BuildingPermit);
        Assert.Equal("پروانه ساختمانی", permit.GetProperty("titleFa").GetString());
        Assert.Equal("Building permit", permit.GetProperty("titleEn").GetString());
        Assert.True(permit.GetProperty("active").GetBoolean());
        Assert.Equal(["Exam", "Interview", "Training"], permit.GetProperty("staff").GetProperty("qualifications").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(70m, permit.GetProperty("staff").GetProperty("examPassMark").GetDecimal());
    }

    private static IEnumerable<string?> Codes(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString());
}
