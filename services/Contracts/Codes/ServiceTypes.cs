namespace CityEServices.Contracts.Codes;

/// <summary>The fixed service-type code list of the city's e-service offices; the codes are part of the API.</summary>
public static class ServiceTypes
{
    public const string UrbanFile = "URBAN_FILE";
    public const string BuildingPermit = "BUILDING_PERMIT";
    public const string EngineeringReport = "ENGINEERING_REPORT";
    public const string ExcavationPermit = "EXCAVATION_PERMIT";
    public const string WasteContract = "WASTE_CONTRACT";
    public const string SupervisingEngineer = "SUPERVISING_ENGINEER";
    public const string ArchitectureReview = "ARCHITECTURE_REVIEW";
    public const string CompletionCertificate = "COMPLETION_CERTIFICATE";
    public const string NoViolationCertificate = "NO_VIOLATION_CERTIFICATE";

    public static readonly IReadOnlyList<string> All =
    [
        UrbanFile, BuildingPermit, EngineeringReport, ExcavationPermit, WasteContract,
        SupervisingEngineer, ArchitectureReview, CompletionCertificate, NoViolationCertificate,
    ];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
