namespace CityEServices.Identity.Features.Users;

/// <summary>
/// Lets a deactivated user sign in again. Tokens from before the deactivation stay revoked (their
/// revocation row covers everything issued up to it); only tokens issued from now on work.
/// </summary>
public sealed class ReactivateUser(IdentityDbContext db, TimeProvider time)
{
    public async Task<Outcome<UserResponse>> HandleAsync(string userName, ReasonRequest? request, Caller caller, CancellationToken cancellationToken)
    {
        var reason = request?.Reason?.Trim();
        if (reason?.Length > AccountRules.MaxReasonLength)
        {
            return Problem.Invalid("reason", $"The reason must be at most {AccountRules.MaxReasonLength} characters.");
        }

        var found = await UserAccounts.FindAsync(db, userName, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var user = found.Value;
        if (user.Active)
        {
            return Problem.Conflict(IdentityReasons.NotDeactivated, "User is active.", $"'{user.UserName}' is not deactivated.");
        }

        user.Reactivate();
        db.RecordChange(UserAccounts.Account(user), AccountActions.Reactivated, caller.Actor, time.GetDatabaseNow(), string.IsNullOrEmpty(reason) ? null : reason);
        await db.SaveChangesAsync(cancellationToken);
        return UserResponse.From(user);
    }
}
