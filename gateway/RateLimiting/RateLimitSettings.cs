namespace CityEServices.Gateway.RateLimiting;

/// <summary><c>Gateway:RateLimits</c>: fixed windows counted in Redis, shared by every gateway replica.</summary>
public sealed class RateLimitSettings
{
    public const string SectionName = "Gateway:RateLimits";

    public const string Rule = "Gateway:RateLimits: each of Api, Track and Anonymous needs PermitLimit >= 1, a positive Window and LeaseSize >= 0.";

    public bool Enabled { get; set; } = true;

    /// <summary>Authenticated API calls, per client (client_credentials) or user.</summary>
    public RateLimitPolicy Api { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Anonymous citizen tracking (<c>/api/track/**</c>), per client IP: stricter, it is the guessable door. The open
    /// data (<c>/api/open-data/**</c>) is held to the same limit on a counter of its own.
    /// </summary>
    public RateLimitPolicy Track { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Other anonymous calls through the proxy (<c>/connect/**</c>, OpenAPI documents), per client IP.</summary>
    public RateLimitPolicy Anonymous { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    public bool IsSound() => !Enabled || (Api.IsSound() && Track.IsSound() && Anonymous.IsSound());
}

public sealed class RateLimitPolicy
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many permits a replica takes from Redis at once and then hands out locally. 0 means
    /// automatic: a twentieth of the limit, between 1 and 100, so a small limit stays exact and a
    /// large one costs one Redis round trip per batch rather than per request.
    /// </summary>
    public int LeaseSize { get; set; }

    public int EffectiveLeaseSize => LeaseSize > 0 ? Math.Min(LeaseSize, PermitLimit) : Math.Clamp(PermitLimit / 20, 1, 100);

    public bool IsSound() => PermitLimit >= 1 && Window > TimeSpan.Zero && LeaseSize >= 0;
}
