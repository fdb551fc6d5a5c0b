namespace CityEServices.Identity.Features.Clients;

/// <summary>
/// Switches a client off for good: it can no longer authenticate (no secret of it is valid, see
/// <c>CityApplicationManager</c>), and its live tokens go on the revocation list in the same commit.
/// </summary>
public sealed class RevokeClient(IdentityDbContext db, TimeProvider time)
{
    public async Task<Outcome<Done>> HandleAsync(string clientId, Caller caller, CancellationToken cancellationToken)
    {
        var found = await ClientCredentials.FindUnrevokedAsync(db, clientId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var client = found.Value;

        var now = time.GetDatabaseNow();
        client.Revoke(now, caller.Actor);
        db.RevokeTokensOf(client.ClientId, AccountActions.Revoked, now);
        db.RecordChange(ClientCredentials.Account(client.ClientId), AccountActions.Revoked, caller.Actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
