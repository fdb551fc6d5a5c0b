using CityEServices.Contracts.Security;
using CityEServices.Identity.Data;
using CityEServices.Identity.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using CityEServices.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Identity.Features.Users;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/users")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithTags("Users");

        api.MapPost("/", CreateUserAsync);
        api.MapGet("/{userName}", GetUserAsync);
        return api;
    }

    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateUserAsync(
        CreateUserRequest? request,
        IdentityDataContext db,
        IPasswordHasher<CityUser> hasher,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["A JSON body is required."] });
        }

        if (!UserRules.TryValidate(request.UserName, request.Password, request.Roles, request.NationalId, request.OfficeCode, request.District, out var valid, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.Users.AnyAsync(u => u.UserName == valid.UserName, cancellationToken))
        {
            return Duplicate(valid.UserName);
        }

        var user = new CityUser
        {
            Id = Guid.CreateVersion7(),
            UserName = valid.UserName,
            PasswordHash = hasher.HashPassword(null!, valid.Password),
            Roles = valid.Roles,
            NationalId = valid.NationalId,
            OfficeCode = valid.OfficeCode,
            District = valid.District,
            CreatedAt = time.GetUtcNow(),
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Lost a race with a concurrent request for the same name.
            return Duplicate(valid.UserName);
        }

        return TypedResults.Created($"/api/identity/users/{Uri.EscapeDataString(user.UserName)}", UserResponse.From(user));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUserAsync(
        string userName, IdentityDataContext db, CancellationToken cancellationToken)
    {
        var name = UserNames.Normalize(userName);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, cancellationToken);
        return user is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found.", detail: $"There is no user named '{name}'.")
            : TypedResults.Ok(UserResponse.From(user));
    }

    private static ProblemHttpResult Duplicate(string userName) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "User name already taken.", detail: $"A user named '{userName}' already exists.");
}
