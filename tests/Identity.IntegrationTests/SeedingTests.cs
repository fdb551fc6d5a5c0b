using CityEServices.Identity.Data;
using CityEServices.Identity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>
/// Replicas of a new installation start together and each seeds the same clients and admin: every one
/// of them must start, and the database must end with one of each.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SeedingTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private const int Replicas = 8;

    // The losing interleaving (a replica checks the client is free just after another created it) needs
    // luck to meet: without one-at-a-time seeding a round met it about one time in five here.
    private const int Rounds = 10;

    [Fact(Timeout = 120_000)]
    public async Task Replicas_seeding_a_new_database_at_once_all_succeed_and_seed_once()
    {
        for (var round = 0; round < Rounds; round++)
        {
            await SeedTogetherAsync();
        }
    }

    private async Task SeedTogetherAsync()
    {
        // Back to a database nothing has seeded (the service seeded it when it started).
        await identity.ExecuteAsync("DELETE FROM \"OpenIddictTokens\"; DELETE FROM \"OpenIddictAuthorizations\"; DELETE FROM \"OpenIddictApplications\"");
        await identity.ExecuteAsync("DELETE FROM users WHERE user_name = 'admin'");

        using var start = new Barrier(Replicas);
        var seeding = Enumerable.Range(0, Replicas).Select(_ => Task.Run(async () =>
        {
            await using var scope = identity.Factory.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
            start.SignalAndWait();
            await seeder.SeedAsync(IdentityService.AdminPassword, CancellationToken.None);
        }));
        await Task.WhenAll(seeding);

        Assert.Equal(1, await identity.CountAsync("SELECT count(*) FROM \"OpenIddictApplications\" WHERE \"ClientId\" = 'city-cli'"));
        Assert.Equal(1, await identity.CountAsync("SELECT count(*) FROM \"OpenIddictApplications\" WHERE \"ClientId\" = 'city-staff'"));
        Assert.Equal(1, await identity.CountAsync("SELECT count(*) FROM users WHERE user_name = 'admin'"));
        await identity.AccessTokenAsync("admin", IdentityService.AdminPassword);
    }
}
