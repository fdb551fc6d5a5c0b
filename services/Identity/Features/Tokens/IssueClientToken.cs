using System.Collections.Immutable;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Features.Tokens;

/// <summary>
/// Client credentials, once OpenIddict has authenticated the client (a revoked client has no valid
/// secret, see <c>CityApplicationManager</c>). Least privilege: the token carries the scopes the client
/// was granted, narrowed to those the request names with <c>scope=</c>; asking for one it was not
/// granted gets no token at all (<c>invalid_scope</c>), not a quietly smaller one.
/// </summary>
public sealed class IssueClientToken(IdentityDbContext db)
{
    public async Task<TokenDecision> HandleAsync(string clientId, ImmutableArray<string> requestedScopes, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (client is null || client.IsRevoked)
        {
            return TokenDecision.Refuse(Errors.InvalidClient, "The client is unknown or revoked.");
        }

        var notGranted = requestedScopes.Where(s => !client.Scopes.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        if (notGranted.Length > 0)
        {
            return TokenDecision.Refuse(Errors.InvalidScope, $"The client was not granted the scope(s) {string.Join(" ", notGranted)}.");
        }

        ImmutableArray<string> scopes = requestedScopes.IsDefaultOrEmpty
            ? [.. client.Scopes]
            : [.. client.Scopes.Where(requestedScopes.Contains)];
        // Whatever an old row may hold, a client token never carries a staff role.
        ImmutableArray<string> roles = [.. client.Roles.Where(r => r == ClientRules.OnlyRole)];
        return TokenDecision.Issue(TokenPrincipals.ForClient(client.ClientId, client.DisplayName, roles, scopes));
    }
}
