using Microsoft.AspNetCore.Identity;

namespace CityEServices.Identity.Features.Users;

/// <summary>
/// An admin sets a user's password (the policy applies) and ends any lockout. Whoever held the old
/// password may hold tokens got with it: those are revoked in the same commit.
/// </summary>
public sealed class ResetPassword(IdentityDbContext db, IPasswordHasher<CityUser> hasher, TimeProvider time)
{
    public async Task<Outcome<Done>> HandleAsync(string userName, ResetPasswordRequest? request, Caller caller, CancellationToken cancellationToken)
    {
        var check = new ValidationErrors();
        check.Add("password", PasswordPolicy.Check(request?.Password));
        if (!check.IsEmpty)
        {
            return Problem.Invalid(check);
        }

        // The seeder sets the bootstrap admin's password from Identity:AdminPassword at every start and would undo a reset silently.
        var found = await UserAccounts.FindForChangeAsync(
            db, userName, "takes its password from Identity:AdminPassword (the AppHost's admin-password parameter); change that and restart", cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var user = found.Value;

        var now = time.GetDatabaseNow();
        user.ResetPassword(hasher.HashPassword(user, request!.Password!));
        db.RevokeTokensOf(user.Subject, AccountActions.PasswordReset, now);
        db.RecordChange(UserAccounts.Account(user), AccountActions.PasswordReset, caller.Actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
