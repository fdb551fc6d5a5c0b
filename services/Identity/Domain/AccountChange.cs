namespace CityEServices.Identity.Domain;

/// <summary>One change to a user or a client: who did it (an actor id), when, why, and what it became.</summary>
public sealed class AccountChange
{
    public long Id { get; init; }

    /// <summary><c>user:&lt;id&gt;</c> or <c>client:&lt;client id&gt;</c>: the account changed.</summary>
    public required string Account { get; init; }

    public required string Action { get; init; }

    /// <summary>Who changed it (<c>Caller.Actor</c>).</summary>
    public required string Actor { get; init; }

    public DateTimeOffset At { get; init; }

    public string? Reason { get; init; }

    /// <summary>What the account holds after the change, as JSON (roles, office…); never a secret or a hash.</summary>
    public string? Details { get; init; }
}

public static class AccountActions
{
    public const string Created = "Created";
    public const string Deactivated = "Deactivated";
    public const string Reactivated = "Reactivated";
    public const string AssignmentChanged = "AssignmentChanged";
    public const string PasswordReset = "PasswordReset";
    public const string Revoked = "Revoked";
    public const string SecretRotated = "SecretRotated";
}
