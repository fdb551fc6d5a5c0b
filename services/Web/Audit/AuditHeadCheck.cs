namespace CityEServices.Web.Audit;

/// <summary>What comparing a chain with the archive's newest head of it found (the answer's <c>headCheck</c>).</summary>
public static class AuditHeadCheck
{
    public const string Matches = "matches";
    public const string Truncated = "truncated";
    public const string HeadMismatch = "head_mismatch";
    public const string NotArchived = "not_archived";
    public const string Unavailable = "unavailable";
}
