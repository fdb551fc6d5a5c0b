namespace CityEServices.OfficeManagement.Infrastructure;

/// <summary><c>OfficeManagement:AuthorizationCache</c>: how authorisation answers are kept in Redis.</summary>
public sealed class AuthorizationCacheOptions
{
    public const string SectionName = "OfficeManagement:AuthorizationCache";

    /// <summary>Off only to measure or to diagnose; answers are then computed on every call.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Longest an answer is kept. Invalidation makes changes visible at once; this only bounds what a
    /// lost invalidation (Redis unreachable at that moment) could leave behind.
    /// </summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Prefix of every key, so two deployments (or two test databases) sharing a Redis never mix answers.</summary>
    public string KeyPrefix { get; set; } = "officemanagement";
}
