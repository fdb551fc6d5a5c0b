namespace CityEServices.Web.Audit;

public sealed class AuditHeadOptions
{
    public const string Section = "Audit";

    /// <summary>How often each replica publishes the heads that changed (Audit:HeadInterval); zero or less switches it off.</summary>
    public TimeSpan HeadInterval { get; set; } = TimeSpan.FromHours(1);
}
