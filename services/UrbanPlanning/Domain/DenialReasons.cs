namespace CityEServices.UrbanPlanning.Domain;

/// <summary>Allowed, or refused with a machine-readable reason (the 403's <c>reason</c>) and a sentence for people.</summary>
public sealed record AccessDecision(bool Allowed, string? Reason, string? Detail)
{
    public static readonly AccessDecision Allow = new(true, null, null);

    public static AccessDecision Deny(string reason, string detail) => new(false, reason, detail);
}

/// <summary>Reasons this service itself gives; refusals by office management pass its own reasons through.</summary>
public static class DenialReasons
{
    public const string RoleNotAllowed = "RoleNotAllowed";
    public const string OperatorNotAtOffice = "OperatorNotAtOffice";
    public const string OperatorIdentityMissing = "OperatorIdentityMissing";
    public const string ApplicantNotOwner = "ApplicantNotOwner";
    public const string NotFileOffice = "NotFileOffice";
    public const string NotFileDistrict = "NotFileDistrict";
}
