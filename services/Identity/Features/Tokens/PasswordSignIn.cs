using Microsoft.AspNetCore.Identity;

namespace CityEServices.Identity.Features.Tokens;

/// <summary>
/// Checks a user name and password, counting failures towards a lockout. Every failure looks the
/// same to the caller (unknown user, wrong password, locked out, deactivated), and each costs one hash
/// check, so neither the answer nor its timing says which user names exist or which are switched off.
/// </summary>
public sealed class PasswordSignIn(IdentityDbContext db, IPasswordHasher<CityUser> hasher, TimeProvider time, IOptions<IdentitySettings> settings)
{
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<CityUser>().HashPassword(null!, Convert.ToBase64String(Guid.NewGuid().ToByteArray())));

    public async Task<CityUser?> CheckAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || password.Length > PasswordPolicy.MaxLength)
        {
            return null;
        }

        var name = UserNames.Normalize(userName);
        var user = name.Length <= UserNames.MaxLength
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, cancellationToken)
            : null;
        if (user is null)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            return null;
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        var now = time.GetUtcNow();
        if (!user.Active)
        {
            // Not a failed attempt either: a deactivated account has nothing left to lock.
            return null;
        }

        if (user.IsLockedOut(now))
        {
            // Even the right password does not open a locked account: that is what stops guessing.
            return null;
        }

        if (result == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(user.Id, now, cancellationToken);
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var newHash = hasher.HashPassword(user, password);
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.PasswordHash, newHash)
                .SetProperty(u => u.FailedAttempts, 0)
                .SetProperty(u => u.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        }
        else if (user.FailedAttempts != 0 || user.LockedUntil is not null)
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.FailedAttempts, 0)
                .SetProperty(u => u.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        }

        return user;
    }

    /// <summary>One UPDATE that both counts and locks, so concurrent guesses cannot lose a count.</summary>
    private Task RecordFailureAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lockout = settings.Value.Lockout;
        var max = Math.Max(1, lockout.MaxFailedAttempts);
        DateTimeOffset? lockedUntil = now + lockout.Duration;
        return db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LockedUntil, u => u.FailedAttempts + 1 >= max ? lockedUntil : u.LockedUntil)
            .SetProperty(u => u.FailedAttempts, u => u.FailedAttempts + 1 >= max ? 0 : u.FailedAttempts + 1), cancellationToken);
    }
}
