using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace CityEServices.Identity.Infrastructure.Tokens;

/// <summary>
/// OpenIddict's application manager, with the two things an integrator's secret needs beyond one stored
/// hash: a revoked client has no valid secret at all, and after a rotation the previous secret keeps
/// working until its overlap ends (its hash and end time are kept on the client's row), so an
/// integrator can roll the new secret out without an outage. OpenIddict asks this for every client
/// authentication, so both hold for every grant.
/// </summary>
public sealed class CityApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    IdentityDbContext db,
    TimeProvider time)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public override async ValueTask<bool> ValidateClientSecretAsync(
        OpenIddictEntityFrameworkCoreApplication application, string secret, CancellationToken cancellationToken = default)
    {
        var client = application.ClientId is { } clientId
            ? await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken)
            : null;
        if (client is { IsRevoked: true })
        {
            return false;
        }

        if (await base.ValidateClientSecretAsync(application, secret, cancellationToken))
        {
            return true;
        }

        return client?.PreviousSecretHashAt(time.GetUtcNow()) is { } previous
            && await ValidateClientSecretAsync(secret, previous, cancellationToken);
    }

    /// <summary>The hash of the secret the client holds now, as stored (what a rotation keeps as the previous one).</summary>
    public ValueTask<string?> GetStoredSecretHashAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken) =>
        Store.GetClientSecretAsync(application, cancellationToken);
}
