using CityEServices.Identity.Domain;

namespace CityEServices.Identity.Features.Users;

// Every field is nullable so that a missing one becomes a field error, not a binding failure.

/// <summary><c>POST /api/identity/users</c>.</summary>
public sealed record CreateUserRequest(
    string? UserName,
    string? Password,
    string?[]? Roles,
    string? NationalId,
    string? OfficeCode,
    int? District);

/// <summary><c>POST /api/identity/users/{userName}/deactivate</c> (the reason is required) and <c>…/reactivate</c> (optional).</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary><c>PUT /api/identity/users/{userName}/assignment</c>: the user's roles and claims as they are to be, whole.</summary>
public sealed record ChangeAssignmentRequest(string?[]? Roles, string? OfficeCode, int? District, string? NationalId);

/// <summary><c>POST /api/identity/users/{userName}/password</c>: an admin's reset.</summary>
public sealed record ResetPasswordRequest(string? Password);

public sealed record UserResponse(
    Guid Id,
    string UserName,
    string[] Roles,
    string? NationalId,
    string? OfficeCode,
    int? District,
    bool Active,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? DeactivatedAt,
    string? DeactivatedBy,
    string? DeactivationReason)
{
    public static UserResponse From(CityUser user) => new(
        user.Id,
        user.UserName,
        user.Roles,
        user.NationalId,
        user.OfficeCode,
        user.District,
        user.Active,
        user.CreatedAt,
        user.CreatedBy,
        user.DeactivatedAt,
        user.DeactivatedBy,
        user.DeactivationReason);
}
