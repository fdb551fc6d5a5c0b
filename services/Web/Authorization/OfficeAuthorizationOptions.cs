namespace CityEServices.Web.Authorization;

/// <summary><c>OfficeAuthorization</c>: how long office management's answers are trusted here.</summary>
public sealed class OfficeAuthorizationOptions
{
    public const string SectionName = "OfficeAuthorization";

    /// <summary>
    /// Longest an answer is kept. Office management's events drop answers as soon as they arrive; this
    /// bounds a lost or late event, so a suspension, revocation or staff move holds everywhere within it.
    /// </summary>
    public TimeSpan CacheTimeToLive { get; set; } = TimeSpan.FromSeconds(5);
}
