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

    /// <summary>Who created the account (<c>user:&lt;id&gt;</c>); null for the bootstrap admin and accounts older than the column.</summary>
    public string? CreatedBy { get; init; }

    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>A deactivated user cannot sign in, and the tokens they hold are on the revocation list.</summary>
    public bool Active { get; private set; } = true;

    public DateTimeOffset? DeactivatedAt { get; private set; }

    public string? DeactivatedBy { get; private set; }

    public string? DeactivationReason { get; private set; }

    /// <summary>The subject (<c>sub</c>) of the user's tokens, as the revocation list names them.</summary>
    public string Subject => Id.ToString();

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;

    /// <summary>Whether the account may be given a token now: active and not locked out.</summary>
    public bool MaySignIn(DateTimeOffset now) => Active && !IsLockedOut(now);

    public void Deactivate(DateTimeOffset now, string actor, string reason)
    {
        Active = false;
        DeactivatedAt = now;
        DeactivatedBy = actor;
        DeactivationReason = reason;
    }

    public void Reactivate()
    {
        Active = true;
        DeactivatedAt = null;
        DeactivatedBy = null;
        DeactivationReason = null;
    }

    /// <summary>True when <paramref name="assignment"/> differs from what the user holds now (roles compared as a set).</summary>
    public bool Differs(ValidAssignment assignment) =>
        !Roles.ToHashSet(StringComparer.Ordinal).SetEquals(assignment.Roles)
        || NationalId != assignment.NationalId
        || OfficeCode != assignment.OfficeCode
        || District != assignment.District;

    public void Assign(ValidAssignment assignment)
    {
        Roles = assignment.Roles;
        NationalId = assignment.NationalId;
        OfficeCode = assignment.OfficeCode;
        District = assignment.District;
    }

    /// <summary>A new password set by an admin: the lockout it may have been in is over.</summary>
    public void ResetPassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        FailedAttempts = 0;
        LockedUntil = null;
    }
}
