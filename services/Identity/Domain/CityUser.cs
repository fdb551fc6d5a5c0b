namespace CityEServices.Identity.Domain;

/// <summary>A member of staff who signs in with a password.</summary>
public sealed class CityUser
{
    public Guid Id { get; init; }

    /// <summary>Always stored normalised (see <see cref="UserNames.Normalize"/>), which makes uniqueness case-insensitive.</summary>
    public required string UserName { get; init; }

    public required string PasswordHash { get; set; }

    public string[] Roles { get; set; } = [];

    public string? NationalId { get; set; }

    public string? OfficeCode { get; set; }

    public int? District { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;
}
