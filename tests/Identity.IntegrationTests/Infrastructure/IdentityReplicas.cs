namespace CityEServices.Identity.IntegrationTests.Infrastructure;

/// <summary>
/// Two instances of the service on one database, each with its own memory: two replicas, or one
/// replica before and after a restart.
/// </summary>
public sealed class IdentityReplicas(ServerFixture servers) : IAsyncLifetime
{
    public IdentityService First { get; } = new(servers);

    public IdentityService Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await First.InitializeAsync();
        Second = new SecondReplica(servers, servers.Postgres.ConnectionString(First.Database));
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Second is not null)
        {
            await Second.DisposeAsync();
        }

        await First.DisposeAsync();
    }

    private sealed class SecondReplica(ServerFixture servers, string database) : IdentityService(servers)
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["ConnectionStrings:identity-db"] = database;
        }
    }
}
