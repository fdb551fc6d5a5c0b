namespace CityEServices.Contracts.Security;

/// <summary>
/// What an integrator client may be granted, each naming the calls it opens. A client's token carries
/// only the scopes it was granted (and asked for); staff users are authorised by their roles instead.
/// </summary>
public static class Scopes
{
    public const string PropertyRead = "property.read";
    public const string UrbanPlanningRead = "urban-planning.read";
    public const string UrbanPlanningWrite = "urban-planning.write";
    public const string ArchiveRead = "archive.read";
    public const string ArchiveWrite = "archive.write";
    public const string Payments = "payments";
    public const string Webhooks = "webhooks";

    /// <summary>National IDs and mobile numbers unmasked; without it they read <c>00******45</c>.</summary>
    public const string PiiRead = "pii.read";

    public static readonly IReadOnlyList<string> All =
        [PropertyRead, UrbanPlanningRead, UrbanPlanningWrite, ArchiveRead, ArchiveWrite, Payments, Webhooks, PiiRead];
}
