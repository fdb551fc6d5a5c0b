using static CityEServices.Contracts.Codes.DocumentCategories;

namespace CityEServices.UrbanPlanning.Domain.Requests;

/// <summary>
/// Every version of every service type's rules. A new tariff or SLA is a new entry with a later
/// <see cref="ServiceRule.EffectiveFrom"/>, never an edit of one in force: requests keep pointing at
/// the version they were submitted under. Amounts are in rials.
/// </summary>
public sealed class ServiceRuleBook(IEnumerable<ServiceRule> rules)
{
    /// <summary>1404/01/01 (Nowruz 2025), Tehran time: when the first published tariffs took effect.</summary>
    public static readonly DateTimeOffset Tariff1404 = new(2025, 3, 21, 0, 0, 0, TimeSpan.FromHours(3.5));

    /// <summary>1405/01/01 (Nowruz 2026): the building-permit tariff was raised.</summary>
    public static readonly DateTimeOffset Tariff1405 = new(2026, 3, 21, 0, 0, 0, TimeSpan.FromHours(3.5));

    public static readonly string[] Usages = ["Residential", "Commercial", "Mixed", "Administrative", "Industrial", "GreenSpace"];

    private static readonly DetailField[] BuildingDetails =
    [
        new("floors", DetailKind.Integer, 1, 60),
        new("areaM2", DetailKind.Decimal, 1, 1_000_000),
        new("usage", DetailKind.Choice, Choices: Usages),
    ];

    public static readonly ServiceRuleBook Default = new(
    [
        new(ServiceTypes.BuildingPermit, 1, Tariff1404, "پروانه ساختمانی", BuildingDetails,
            [OwnershipDeed, IdentityDocument, ArchitecturalPlan, StructuralPlan],
            new FeeFormula(5_000_000, new Dictionary<string, decimal> { ["areaM2"] = 120_000 }), SlaDays: 30),
        new(ServiceTypes.BuildingPermit, 2, Tariff1405, "پروانه ساختمانی", BuildingDetails,
            [OwnershipDeed, IdentityDocument, ArchitecturalPlan, StructuralPlan],
            new FeeFormula(6_000_000, new Dictionary<string, decimal> { ["areaM2"] = 150_000, ["floors"] = 1_000_000 }), SlaDays: 30),
        new(ServiceTypes.EngineeringReport, 1, Tariff1404, "گزارش کارشناسی", [new("subject", DetailKind.Text, MaxLength: 500)],
            [OwnershipDeed, IdentityDocument, SitePlan], FeeFormula.Flat(2_500_000), SlaDays: 10),
        new(ServiceTypes.ArchitectureReview, 1, Tariff1404, "بررسی نقشه معماری", [new("areaM2", DetailKind.Decimal, 1, 1_000_000)],
            [IdentityDocument, ArchitecturalPlan], new FeeFormula(1_500_000, new Dictionary<string, decimal> { ["areaM2"] = 20_000 }), SlaDays: 14),
        new(ServiceTypes.NoViolationCertificate, 1, Tariff1404, "گواهی عدم خلاف", [],
            [OwnershipDeed, IdentityDocument], FeeFormula.Flat(1_000_000), SlaDays: 7),
        new(ServiceTypes.ExcavationPermit, 1, Tariff1404, "مجوز حفاری",
            [
                new("street", DetailKind.Text),
                new("lengthM", DetailKind.Decimal, 0.1m, 10_000),
                new("depthM", DetailKind.Decimal, 0.1m, 50),
                new("durationDays", DetailKind.Integer, 1, 365),
                new("restorationDepositRial", DetailKind.Decimal, 0, 1_000_000_000_000m),
            ],
            [IdentityDocument, SitePlan],
            new FeeFormula(2_000_000, new Dictionary<string, decimal> { ["lengthM"] = 300_000, ["durationDays"] = 50_000 }), SlaDays: 7),
        new(ServiceTypes.WasteContract, 1, Tariff1404, "قرارداد پسماند ساختمانی",
            [new("volumeM3", DetailKind.Decimal, 0.1m, 100_000), new("hauler", DetailKind.Text), new("disposalSite", DetailKind.Text)],
            [IdentityDocument], new FeeFormula(500_000, new Dictionary<string, decimal> { ["volumeM3"] = 80_000 }), SlaDays: 5,
            Prerequisites.IssuedBuildingPermit),
        new(ServiceTypes.SupervisingEngineer, 1, Tariff1404, "معرفی مهندس ناظر", [],
            [IdentityDocument], FeeFormula.Flat(500_000), SlaDays: 5, Prerequisites.IssuedBuildingPermit),
        new(ServiceTypes.CompletionCertificate, 1, Tariff1404, "گواهی پایان کار", [],
            [OwnershipDeed, DocumentCategories.SupervisorReport], FeeFormula.Flat(3_000_000), SlaDays: 15,
            Prerequisites.IssuedBuildingPermit | Prerequisites.FinalSupervisorReport),
    ]);

    private readonly IReadOnlyList<ServiceRule> _rules = [.. rules.OrderBy(r => r.ServiceType, StringComparer.Ordinal).ThenBy(r => r.Version)];

    public IReadOnlyList<ServiceRule> All => _rules;

    /// <summary>Whether requests of this type are made in a file (URBAN_FILE is the file itself).</summary>
    public bool Offers(string serviceType) => _rules.Any(r => r.ServiceType == serviceType);

    /// <summary>The version in force at <paramref name="at"/>; null if the type had no rules yet.</summary>
    public ServiceRule? InForce(string serviceType, DateTimeOffset at) =>
        _rules.Where(r => r.ServiceType == serviceType && r.EffectiveFrom <= at).MaxBy(r => r.EffectiveFrom);

    /// <summary>The exact version a request was judged by.</summary>
    public ServiceRule Get(string serviceType, int version) =>
        _rules.SingleOrDefault(r => r.ServiceType == serviceType && r.Version == version)
        ?? throw new InvalidOperationException($"No rules version {version} for {serviceType}: rule versions must never be removed.");
}
