using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityEServices.Identity.IntegrationTests.Infrastructure;

/// <summary>
/// The service on a clock the test moves: OpenIddict, the sign-in and the secret overlap all read the
/// registered TimeProvider, so a day passes in an instant and no test waits for it.
/// </summary>
public sealed class IdentityServiceWithFakeClock(ServerFixture servers) : IdentityService(servers)
{
    /// <summary>Starts where the real clock is (PostgreSQL's now() and the test's own checks stay near it) and moves only when told.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(Clock);
}
