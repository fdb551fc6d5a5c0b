using CityEServices.Contracts.Security;
using CityEServices.Web.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Identity.Features.Users;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/identity/users")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithTags("Users");

        users.MapPost("/", CreateAsync).WithName("CreateUser").WithSummary("Creates a member of staff with roles and the claims they need.");
        users.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("Users by name, paged; q finds a part of the name, an office code or a national ID.");
        users.MapGet("/{userName}", GetAsync).WithName("GetUser").WithSummary("One user, with whether they are active.");
        users.MapPost("/{userName}/deactivate", DeactivateAsync).WithName("DeactivateUser")
            .WithSummary("Switches the user off: no sign-in, and their live tokens are refused everywhere within a minute.");
        users.MapPost("/{userName}/reactivate", ReactivateAsync).WithName("ReactivateUser")
            .WithSummary("Lets a deactivated user sign in again; their old tokens stay refused.");
        users.MapPut("/{userName}/assignment", ChangeAssignmentAsync).WithName("ChangeUserAssignment")
            .WithSummary("Sets roles, office, district and national ID; a change revokes the tokens issued before it.");
        users.MapPost("/{userName}/password", ResetPasswordAsync).WithName("ResetUserPassword")
            .WithSummary("Sets a new password and ends any lockout; tokens issued before it are revoked.");
        return users;
    }

    public static async Task<Results<Created<UserResponse>, ProblemHttpResult>> CreateAsync(
        CreateUserRequest? body, Caller caller, CreateUser createUser, CancellationToken cancellationToken) =>
        (await createUser.HandleAsync(body, caller, cancellationToken)).ToCreated(user => $"/api/identity/users/{Uri.EscapeDataString(user.UserName)}");

    public static async Task<Results<Ok<Page<UserResponse>>, ProblemHttpResult>> ListAsync(
        string? page, string? pageSize, string? q, Caller caller, ListUsers listUsers, CancellationToken cancellationToken) =>
        (await listUsers.HandleAsync(page, pageSize, q, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(
        string userName, Caller caller, GetUser getUser, CancellationToken cancellationToken) =>
        (await getUser.HandleAsync(userName, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> DeactivateAsync(
        string userName, ReasonRequest? body, Caller caller, DeactivateUser deactivateUser, CancellationToken cancellationToken) =>
        (await deactivateUser.HandleAsync(userName, body, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> ReactivateAsync(
        string userName, ReasonRequest? body, Caller caller, ReactivateUser reactivateUser, CancellationToken cancellationToken) =>
        (await reactivateUser.HandleAsync(userName, body, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> ChangeAssignmentAsync(
        string userName, ChangeAssignmentRequest? body, Caller caller, ChangeAssignment changeAssignment, CancellationToken cancellationToken) =>
        (await changeAssignment.HandleAsync(userName, body, caller, cancellationToken)).ToOk();

    public static async Task<Results<NoContent, ProblemHttpResult>> ResetPasswordAsync(
        string userName, ResetPasswordRequest? body, Caller caller, ResetPassword resetPassword, CancellationToken cancellationToken) =>
        (await resetPassword.HandleAsync(userName, body, caller, cancellationToken)).ToNoContent();
}
