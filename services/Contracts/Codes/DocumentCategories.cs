namespace CityEServices.Contracts.Codes;

/// <summary>The archive's classification scheme codes; part of the API.</summary>
public static class DocumentCategories
{
    public const string OwnershipDeed = "OWNERSHIP_DEED";
    public const string IdentityDocument = "IDENTITY_DOCUMENT";
    public const string ArchitecturalPlan = "ARCHITECTURAL_PLAN";
    public const string StructuralPlan = "STRUCTURAL_PLAN";
    public const string SitePlan = "SITE_PLAN";
    public const string EngineeringReport = "ENGINEERING_REPORT";
    public const string SupervisorReport = "SUPERVISOR_REPORT";
    public const string Permit = "PERMIT";
    public const string Contract = "CONTRACT";
    public const string Correspondence = "CORRESPONDENCE";
    public const string LegacyScan = "LEGACY_SCAN";

    public static readonly IReadOnlyList<string> All =
    [
        OwnershipDeed, IdentityDocument, ArchitecturalPlan, StructuralPlan, SitePlan, EngineeringReport,
        SupervisorReport, Permit, Contract, Correspondence, LegacyScan,
    ];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
