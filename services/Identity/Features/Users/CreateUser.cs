using Microsoft.AspNetCore.Identity;

namespace CityEServices.Identity.Features.Users;

public sealed class CreateUser(IdentityDbContext db, IPasswordHasher<CityUser> hasher, TimeProvider time)
{
    public async Task<Outcome<UserResponse>> HandleAsync(CreateUserRequest? request, Caller caller, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problem.Invalid("", "A JSON body is required.");
        }

        var validated = UserRules.Validate(request.UserName, request.Password, request.Roles, request.NationalId, request.OfficeCode, request.District);
        if (validated.Value is not { } valid)
        {
            return Problem.Invalid(validated.Errors);
        }

        if (await db.Users.AnyAsync(u => u.UserName == valid.UserName, cancellationToken))
        {
            return Duplicate(valid.UserName);
        }

        var now = time.GetDatabaseNow();
        var user = new CityUser
        {
            Id = Guid.CreateVersion7(),
            UserName = valid.UserName,
            PasswordHash = hasher.HashPassword(null!, valid.Password),
            CreatedAt = now,
            CreatedBy = caller.Actor,
        };
        user.Assign(valid.Assignment);
        db.Users.Add(user);
        db.RecordChange(UserAccounts.Account(user), AccountActions.Created, caller.Actor, now, details: UserAccounts.Details(user));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Lost a race with a concurrent request for the same name.
            return Duplicate(valid.UserName);
        }

        return UserResponse.From(user);
    }

    private static Problem Duplicate(string userName) =>
        Problem.Conflict(IdentityReasons.UserNameTaken, "User name already taken.", $"A user named '{userName}' already exists.");
}
