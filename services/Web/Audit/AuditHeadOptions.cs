namespace CityEServices.Web.Audit;

public sealed class AuditHeadOptions
{
    public const string Section = "Audit";

    /// <summary>How often each replica publishes the heads that changed (Audit:HeadInterval); zero or less switches it off.</summary>
    public TimeSpan HeadInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often each replica chains the entries written since (Audit:SealInterval): the most an entry waits
    /// unchained, the window in which only a superuser could edit it unseen; zero or less switches it off.
    /// </summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(1);
}
