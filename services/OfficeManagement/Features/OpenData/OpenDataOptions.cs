namespace CityEServices.OfficeManagement.Features.OpenData;

/// <summary><c>OfficeManagement:OpenData</c>: how long a computed answer is reused, and under which Redis keys.</summary>
public sealed class OpenDataOptions
{
    public const string SectionName = "OfficeManagement:OpenData";

    /// <summary>
    /// How long one computed answer is served, from this process's memory and from Redis, and what
    /// <c>Cache-Control: max-age</c> tells browsers and proxies. The figures are not a live view.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Prefix of every key, so two deployments (or two test databases) sharing a Redis never mix answers.</summary>
    public string KeyPrefix { get; set; } = "officemanagement";
}
