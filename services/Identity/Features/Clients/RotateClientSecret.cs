using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace CityEServices.Identity.Features.Clients;

/// <summary>
/// Gives a client a new secret, valid at once, while the one it replaces keeps working for
/// <c>Identity:ClientSecretOverlap</c> so the integrator can roll it out without an outage. A secret
/// older than that one (from an earlier rotation) stops now. Tokens already issued stay valid: a
/// rotation is routine, not a suspicion (revoke the client for that).
/// </summary>
public sealed class RotateClientSecret(IdentityDbContext db, IOpenIddictApplicationManager applications, IOptions<IdentitySettings> settings, TimeProvider time)
{
    public async Task<Outcome<RotatedSecretResponse>> HandleAsync(string clientId, Caller caller, CancellationToken cancellationToken)
    {
        var found = await ClientCredentials.FindUnrevokedAsync(db, clientId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var client = found.Value;

        if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is not OpenIddictEntityFrameworkCoreApplication application)
        {
            return Problem.NotFound("Client not found.", $"'{client.ClientId}' has no credentials to rotate.");
        }

        var manager = (CityApplicationManager)applications;
        var secret = ClientCredentials.NewSecret();
        var now = time.GetDatabaseNow();
        var validUntil = now + settings.Value.ClientSecretOverlap;
        var previousHash = await manager.GetStoredSecretHashAsync(application, cancellationToken);

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            client.SecretRotated(now, previousHash, validUntil);
            db.RecordChange(ClientCredentials.Account(client.ClientId), AccountActions.SecretRotated, caller.Actor, now, details: new { previousSecretValidUntil = validUntil });
            await db.SaveChangesAsync(ct);
            await applications.UpdateAsync(application, secret, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        return new RotatedSecretResponse(client.ClientId, secret, validUntil);
    }
}
