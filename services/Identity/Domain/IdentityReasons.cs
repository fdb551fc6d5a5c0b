namespace CityEServices.Identity.Domain;

/// <summary>The machine-readable <c>reason</c> of identity's 403 and 409 answers.</summary>
public static class IdentityReasons
{
    public const string UserNameTaken = "UserNameTaken";

    /// <summary>The bootstrap <c>admin</c> cannot be deactivated, lose the admin role, or get a password other than the configured one.</summary>
    public const string BootstrapAdmin = "BootstrapAdmin";

    public const string AlreadyDeactivated = "AlreadyDeactivated";
    public const string NotDeactivated = "NotDeactivated";
    public const string AlreadyRevoked = "AlreadyRevoked";
}
