using System.Net;

namespace CityEServices.Faults.Tests;

/// <summary>
/// One service's database made unavailable (all services share one PostgreSQL server locally, so the
/// database refuses new connections and its sessions are ended): that service reports unhealthy and
/// answers 503 problem details, the others keep serving, and it recovers by itself once the database
/// accepts connections again.
/// </summary>
[Collection(FaultStackCollection.Name)]
public sealed class DatabaseOutageTests(FaultStackFixture stack)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_service_without_its_database_answers_503_and_recovers_while_the_others_serve()
    {
        var admin = await stack.AdminTokenAsync();
        var world = await SampleWorld.CreateAsync(stack.Gateway, admin, district: 19);
        using var officeManagement = stack.Service("officemanagement");

        await SetConnectionsAsync("officemanagement", allowed: false);
        try
        {
            await Eventually.UntilAsync(async () =>
            {
                using var health = await officeManagement.GetAsync("/health");
                return health.StatusCode == HttpStatusCode.ServiceUnavailable;
            }, Deadline, "office management's /health reporting unhealthy");

            using (var office = await stack.Gateway.GetAsync($"/api/offices/{world.OfficeCode}", admin))
            {
                await AssertProblemAsync(office, HttpStatusCode.ServiceUnavailable);
            }

            using (var created = await stack.Gateway.PostAsJsonAsync("/api/offices", new { code = "DBDOWN1", name = "دفتر", district = 19, address = "تهران" }, admin))
            {
                await AssertProblemAsync(created, HttpStatusCode.ServiceUnavailable);
            }

            // The rest of the city does not depend on that database.
            await stack.Gateway.GetAsync($"/api/properties/{world.RenovationCode}", admin).ExpectAsync(HttpStatusCode.OK);
            await stack.Gateway.GetAsync("/api/archive/categories", admin).ExpectAsync(HttpStatusCode.OK);
            using var identityHealth = await stack.Service("identity").GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, identityHealth.StatusCode);
        }
        finally
        {
            await SetConnectionsAsync("officemanagement", allowed: true);
        }

        await Eventually.UntilAsync(async () =>
        {
            using var health = await officeManagement.GetAsync("/health");
            return health.StatusCode == HttpStatusCode.OK;
        }, Deadline, "office management healthy again");
        await stack.Gateway.GetAsync($"/api/offices/{world.OfficeCode}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, await stack.ScalarAsync("officemanagement", "SELECT count(*) FROM offices WHERE code = 'DBDOWN1'"));
    }

    private async Task SetConnectionsAsync(string database, bool allowed)
    {
        await using var server = await stack.OpenDatabaseAsync("postgres");
        await using (var alter = new Npgsql.NpgsqlCommand($"ALTER DATABASE {database} ALLOW_CONNECTIONS {allowed}", server))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allowed)
        {
            await using var terminate = new Npgsql.NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", server);
            terminate.Parameters.Add(new Npgsql.NpgsqlParameter { Value = database });
            await terminate.ExecuteScalarAsync();
        }
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
