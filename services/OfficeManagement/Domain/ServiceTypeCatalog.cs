using CityEServices.Contracts.Codes;

namespace CityEServices.OfficeManagement.Domain;

public sealed record ServiceTypeInfo(string Code, string TitleFa, string TitleEn);

/// <summary>
/// Titles for the fixed service-type codes of Contracts. The codes are the contract; the titles are
/// what a counter screen shows. A unit test keeps this list in step with <see cref="ServiceTypes.All"/>.
/// </summary>
public static class ServiceTypeCatalog
{
    public static IReadOnlyList<ServiceTypeInfo> All { get; } =
    [
        new(ServiceTypes.UrbanFile, "پرونده شهرسازی", "Urban-planning file"),
        new(ServiceTypes.BuildingPermit, "پروانه ساختمانی", "Building permit"),
        new(ServiceTypes.EngineeringReport, "گزارش مهندسی", "Engineering report"),
        new(ServiceTypes.ExcavationPermit, "مجوز حفاری", "Excavation permit"),
        new(ServiceTypes.WasteContract, "قرارداد پسماند ساختمانی", "Construction-waste contract"),
        new(ServiceTypes.SupervisingEngineer, "امور مهندس ناظر", "Supervising-engineer affairs"),
        new(ServiceTypes.ArchitectureReview, "بررسی نقشه‌های معماری", "Architecture review"),
        new(ServiceTypes.CompletionCertificate, "گواهی پایان کار", "Completion certificate"),
        new(ServiceTypes.NoViolationCertificate, "گواهی عدم خلاف", "No-violation certificate"),
    ];
}
