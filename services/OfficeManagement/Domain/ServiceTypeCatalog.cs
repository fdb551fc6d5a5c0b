namespace CityEServices.OfficeManagement.Domain;

public sealed record ServiceTypeInfo(string Code, string TitleFa, string TitleEn);

/// <summary>What a staff member needs before serving a service type: all of these passed, for that type.</summary>
public sealed record StaffRequirements(
    IReadOnlyList<QualificationKind> Qualifications,
    decimal ExamPassMark,
    int CertificationValidityDays,
    IReadOnlyList<StaffRole> Roles);

/// <summary>One catalog entry as integrators and counter screens read it.</summary>
public sealed record ServiceTypeEntry(string Code, string TitleFa, string TitleEn, bool Active, StaffRequirements Staff);

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

    public static ServiceTypeInfo? Find(string code) => All.FirstOrDefault(t => t.Code == code);

    /// <summary>
    /// The catalog under the configured policy. Every type asks the same of staff (exam at the pass mark,
    /// interview, training; any role may be certified); the entry says so explicitly so that a client
    /// never has to know the rule.
    /// </summary>
    public static IReadOnlyList<ServiceTypeEntry> Describe(CertificationPolicy policy)
    {
        var staff = new StaffRequirements(
            Enum.GetValues<QualificationKind>(),
            policy.ExamPassMark,
            (int)Math.Ceiling(policy.CertificationValidity.TotalDays),
            Enum.GetValues<StaffRole>());
        return [.. All.Select(t => new ServiceTypeEntry(t.Code, t.TitleFa, t.TitleEn, policy.IsActive(t.Code), staff))];
    }
}
