using CityEServices.Identity.Domain;

namespace CityEServices.Identity.Features.Users;

/// <summary>Every field is nullable so that a missing one becomes a field error, not a binding failure.</summary>
public sealed record CreateUserRequest(
    string? UserName,
    string? Password,
    string?[]? Roles,
    string? NationalId,
    string? OfficeCode,
    int? District);

public sealed record UserResponse(
    Guid Id,
    string UserName,
    string[] Roles,
    string? NationalId,
    string? OfficeCode,
    int? District)
{
    public static UserResponse From(CityUser user) =>
        new(user.Id, user.UserName, user.Roles, user.NationalId, user.OfficeCode, user.District);
}
