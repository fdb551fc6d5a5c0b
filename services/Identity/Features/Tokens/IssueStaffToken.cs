using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Features.Tokens;

/// <summary>
/// A member of staff's token, by password (the password grant) or for the user a redeemed authorization
/// code names. Either way it is built from the user as they are now: deactivated, locked out or deleted
/// since the login page counts.
/// </summary>
public sealed class IssueStaffToken(IdentityDbContext db, PasswordSignIn passwords, TimeProvider time)
{
    /// <summary>Longest a sign-in waits for a revocation's second to pass (see <see cref="AfterRevocationsAsync"/>).</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    public async Task<TokenDecision> ForPasswordAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        var user = await passwords.CheckAsync(userName, password, cancellationToken);
        if (user is null)
        {
            return TokenDecision.Refuse(Errors.InvalidGrant, "The user name or password is incorrect, or the account is locked or deactivated.");
        }

        await AfterRevocationsAsync(user, cancellationToken);
        return TokenDecision.Issue(TokenPrincipals.ForUser(user));
    }

    public async Task<TokenDecision> ForSubjectAsync(string? subject, CancellationToken cancellationToken)
    {
        var user = Guid.TryParse(subject, out var id)
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            : null;
        if (user is null || !user.MaySignIn(time.GetUtcNow()))
        {
            return TokenDecision.Refuse(Errors.InvalidGrant, "The user no longer exists, is deactivated or is temporarily locked.");
        }

        await AfterRevocationsAsync(user, cancellationToken);
        return TokenDecision.Issue(TokenPrincipals.ForUser(user));
    }

    /// <summary>
    /// A token's <c>iat</c> is in whole seconds, and every service refuses a token issued at or before a
    /// revocation of its subject. A token issued in the same second as a revocation (a sign-in right after
    /// an admin's password reset or role change) would be refused for its whole life; so such a sign-in
    /// waits, at most a second, until that second has passed.
    /// </summary>
    private async Task AfterRevocationsAsync(CityUser user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await db.Revocations.LatestSinceAsync(user.Subject, now - MaxWait, cancellationToken) is not { } revokedAt)
        {
            return;
        }

        // Until the clock has really passed that second: a timer may end a millisecond early (it counts
        // in milliseconds, the clock in ticks), and a token stamped in the revocation's second is refused
        // for its whole life.
        var nextSecond = revokedAt.AddTicks(-(revokedAt.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(1);
        var deadline = now + MaxWait;
        while (time.GetUtcNow() is var current && current < nextSecond && current < deadline)
        {
            var wait = nextSecond - current + TimeSpan.FromMilliseconds(2);
            await Task.Delay(wait < MaxWait ? wait : MaxWait, time, cancellationToken);
        }
    }
}
