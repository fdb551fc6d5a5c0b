namespace CityEServices.Identity.Features.Users;

/// <summary>
/// Sets a user's roles, office, district and national ID (validated as at creation). Tokens carry these
/// as claims, so a real change revokes the tokens issued before it: the user signs in again and gets
/// the new ones. Sending what the user already has changes nothing and revokes nothing.
/// </summary>
public sealed class ChangeAssignment(IdentityDbContext db, TimeProvider time)
{
    public async Task<Outcome<UserResponse>> HandleAsync(string userName, ChangeAssignmentRequest? request, Caller caller, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problem.Invalid("", "A JSON body is required.");
        }

        var validated = UserRules.ValidateAssignment(request.Roles, request.NationalId, request.OfficeCode, request.District);
        if (validated.Value is not { } assignment)
        {
            return Problem.Invalid(validated.Errors);
        }

        var found = await UserAccounts.FindForChangeAsync(
            db, userName, assignment.Roles.Contains(Roles.Admin) ? null : $"cannot lose the {Roles.Admin} role", cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var user = found.Value;

        if (!user.Differs(assignment))
        {
            return UserResponse.From(user);
        }

        var now = time.GetDatabaseNow();
        user.Assign(assignment);
        db.RevokeTokensOf(user.Subject, AccountActions.AssignmentChanged, now);
        db.RecordChange(UserAccounts.Account(user), AccountActions.AssignmentChanged, caller.Actor, now, details: UserAccounts.Details(user));
        await db.SaveChangesAsync(cancellationToken);
        return UserResponse.From(user);
    }
}
