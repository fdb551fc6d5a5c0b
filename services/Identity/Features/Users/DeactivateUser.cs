namespace CityEServices.Identity.Features.Users;

/// <summary>Switches a user off: no more sign-ins, and the tokens they hold go on the revocation list in the same commit.</summary>
public sealed class DeactivateUser(IdentityDbContext db, TimeProvider time)
{
    public async Task<Outcome<UserResponse>> HandleAsync(string userName, ReasonRequest? request, Caller caller, CancellationToken cancellationToken)
    {
        if (AccountRules.CheckReason(request?.Reason, out var reason) is { } invalid)
        {
            return Problem.Invalid("reason", invalid);
        }

        var found = await UserAccounts.FindForChangeAsync(db, userName, "cannot be deactivated", cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var user = found.Value;

        if (!user.Active)
        {
            return Problem.Conflict(IdentityReasons.AlreadyDeactivated, "User already deactivated.",
                $"'{user.UserName}' was deactivated at {user.DeactivatedAt:O} by {user.DeactivatedBy}.");
        }

        var now = time.GetDatabaseNow();
        user.Deactivate(now, caller.Actor, reason!);
        db.RevokeTokensOf(user.Subject, AccountActions.Deactivated, now);
        db.RecordChange(UserAccounts.Account(user), AccountActions.Deactivated, caller.Actor, now, reason);
        await db.SaveChangesAsync(cancellationToken);
        return UserResponse.From(user);
    }
}
