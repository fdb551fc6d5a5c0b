namespace CityEServices.Identity;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class IdentitySettings
{
    public const string SectionName = "Identity";

    /// <summary>Base address other services reach this service at; it is the token issuer.</summary>
    public string? Url { get; set; }

    /// <summary>Password of the bootstrap user <c>admin</c>; the configured value always wins over the stored one.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Resource-owner password grant; null means "only in Development".</summary>
    public bool? AllowPasswordGrant { get; set; }

    /// <summary>RSA private keys (PEM). When absent, keys are generated once and kept in the database.</summary>
    public string? SigningKeyPem { get; set; }

    public string? EncryptionKeyPem { get; set; }

    /// <summary>
    /// Short on purpose: a revoked user's or client's token is refused everywhere through the revocation
    /// list, and the list only has to hold each revocation as long as a token it covers can live (this
    /// plus <see cref="RevocationListSlack"/>); a short life also bounds the harm of a token that leaks.
    /// </summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a client's previous secret keeps working after a rotation.</summary>
    public TimeSpan ClientSecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Added to the token lifetime for the revocation list's window: clocks of other services may run a little behind.</summary>
    public static readonly TimeSpan RevocationListSlack = TimeSpan.FromMinutes(5);

    public LockoutSettings Lockout { get; set; } = new();

    /// <summary>The public client <c>city-staff</c> (authorization code + PKCE) and where it may send staff back to.</summary>
    public StaffClientSettings StaffClient { get; set; } = new();

    /// <summary>How long start-up keeps retrying an unreachable database before giving up.</summary>
    public TimeSpan DatabaseStartupTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Removal of the token and authorization rows OpenIddict no longer needs.</summary>
    public PruningSettings Pruning { get; set; } = new();

    public sealed class StaffClientSettings
    {
        /// <summary>Exact redirect URIs of the staff applications (the gateway's Scalar page by default).</summary>
        public string[] RedirectUris { get; set; } = [];

        /// <summary>How long a staff member stays signed in at the login page between authorizations.</summary>
        public TimeSpan SignInLifetime { get; set; } = TimeSpan.FromMinutes(15);
    }

    public sealed class LockoutSettings
    {
        public int MaxFailedAttempts { get; set; } = 5;

        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(5);
    }

    public sealed class PruningSettings
    {
        /// <summary>Time from the end of one pruning round to the start of the next, across all replicas (one of them prunes).</summary>
        public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

        /// <summary>
        /// Rows younger than this stay even when prunable: a redeemed authorization code is kept a while,
        /// which is what lets OpenIddict recognise its replay and revoke what it issued.
        /// </summary>
        public TimeSpan MinimumAge { get; set; } = TimeSpan.FromDays(14);
    }
}
