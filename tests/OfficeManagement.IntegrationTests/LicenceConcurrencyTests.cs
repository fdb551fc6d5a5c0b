using System.Net;
using CityEServices.Contracts.Codes;
using CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

namespace CityEServices.OfficeManagement.IntegrationTests;

/// <summary>
/// Several admins (or one client retrying) change the same licence at the same moment, possibly on
/// different replicas: exactly one change is made and published; every other caller gets the 409 a
/// late caller gets, and no second OfficeLicenceChanged reaches the outbox.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LicenceConcurrencyTests(OfficeManagementService service, ITestOutputHelper output) : ServiceTest<OfficeManagementService>(service, output), IClassFixture<OfficeManagementService>
{
    private const int Callers = 10;

    // Each race is run a few times: one round can, by luck, serialise itself and hide the flaw.
    private const int Rounds = 5;

    [Fact]
    public async Task Concurrent_revokes_of_one_licence_revoke_it_once_and_publish_once()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        for (var round = 1; round <= Rounds; round++)
        {
            var office = $"CRV{round}";
            await (await admin.CreateOfficeAsync(office, district: 3)).AssertJsonAsync(HttpStatusCode.Created);
            await (await admin.GrantLicenceAsync(office, ServiceTypes.WasteContract)).AssertJsonAsync(HttpStatusCode.Created);

            var statuses = await AllAtOnceAsync(client => client.RevokeLicenceAsync(office, ServiceTypes.WasteContract), "NoActiveLicence");

            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
            Assert.Equal(Callers - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
            var events = await Service.OutboxRowsAsync("OfficeLicenceChanged", office);
            Assert.Equal([true, false], events.Select(e => e.Payload.GetProperty("granted").GetBoolean()));
            // The losers' authorisation announcements rolled back with them too: one per real change.
            Assert.Equal(["Licence", "Licence"], (await Service.OutboxRowsAsync("OfficeAuthorizationChanged", office)).Select(e => e.Payload.GetProperty("change").GetString()));
            Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM office_licences WHERE office_code = @o AND revoked_at IS NOT NULL", ("o", office)));
        }
    }

    [Fact]
    public async Task Concurrent_grants_of_one_service_type_grant_it_once_and_publish_once()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        for (var round = 1; round <= Rounds; round++)
        {
            var office = $"CGR{round}";
            await (await admin.CreateOfficeAsync(office, district: 3)).AssertJsonAsync(HttpStatusCode.Created);

            var statuses = await AllAtOnceAsync(client => client.GrantLicenceAsync(office, ServiceTypes.WasteContract), "AlreadyLicensed");

            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
            Assert.Equal(Callers - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
            var events = await Service.OutboxRowsAsync("OfficeLicenceChanged", office);
            Assert.Equal([true], events.Select(e => e.Payload.GetProperty("granted").GetBoolean()));
            Assert.Single(await Service.OutboxRowsAsync("OfficeAuthorizationChanged", office));
            Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM office_licences WHERE office_code = @o", ("o", office)));
        }
    }

    /// <summary>Sends <see cref="Callers"/> requests released together, each from its own client; a refusal must be a 409 with <paramref name="reason"/>.</summary>
    private async Task<HttpStatusCode[]> AllAtOnceAsync(Func<HttpClient, Task<HttpResponseMessage>> send, string reason)
    {
        var clients = Enumerable.Range(0, Callers).Select(_ => Service.CreateClient(TestTokens.Admin())).ToList();
        try
        {
            using var start = new SemaphoreSlim(0);
            var calls = clients.Select(async client =>
            {
                await start.WaitAsync();
                using var response = await send(client);
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
                    Assert.Equal(reason, problem.GetProperty("reason").GetString());
                }

                return response.StatusCode;
            }).ToList();
            start.Release(Callers);
            return await Task.WhenAll(calls);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
