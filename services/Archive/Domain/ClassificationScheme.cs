using System.Text.Json.Serialization;

namespace CityEServices.Archive.Domain;

/// <summary>
/// How long a document must be kept, counted from when it was archived: a number of years, or for
/// ever. Disposal is only ever considered after that, and never under legal hold.
/// </summary>
public sealed record RetentionRule
{
    private RetentionRule(bool permanent, int? years)
    {
        Permanent = permanent;
        Years = years;
    }

    public bool Permanent { get; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Years { get; }

    public static RetentionRule Forever { get; } = new(true, null);

    public static RetentionRule ForYears(int years) =>
        years > 0 ? new RetentionRule(false, years) : throw new ArgumentOutOfRangeException(nameof(years), years, "Retention must be at least a year.");
}

public sealed record DocumentCategory(string Code, string TitleFa, string TitleEn, RetentionRule Retention);

/// <summary>
/// The file plan (طرح طبقه‌بندی): the category of every archived document and how long it is kept.
/// Records that define what may be built, and who owns it, are permanent; personal papers and routine
/// paperwork are kept long enough to cover appeals and audits.
/// </summary>
public static class ClassificationScheme
{
    public static IReadOnlyList<DocumentCategory> Categories { get; } =
    [
        new(DocumentCategories.OwnershipDeed, "سند مالکیت", "Ownership deed", RetentionRule.Forever),
        new(DocumentCategories.IdentityDocument, "مدارک هویتی", "Identity document", RetentionRule.ForYears(10)),
        new(DocumentCategories.ArchitecturalPlan, "نقشه معماری", "Architectural plan", RetentionRule.Forever),
        new(DocumentCategories.StructuralPlan, "نقشه سازه", "Structural plan", RetentionRule.Forever),
        new(DocumentCategories.SitePlan, "نقشه موقعیت", "Site plan", RetentionRule.Forever),
        new(DocumentCategories.EngineeringReport, "گزارش مهندسی", "Engineering report", RetentionRule.ForYears(30)),
        new(DocumentCategories.SupervisorReport, "گزارش مهندس ناظر", "Supervising engineer's report", RetentionRule.Forever),
        new(DocumentCategories.Permit, "پروانه و مجوز", "Permit", RetentionRule.Forever),
        new(DocumentCategories.Contract, "قرارداد", "Contract", RetentionRule.ForYears(15)),
        new(DocumentCategories.Correspondence, "مکاتبات", "Correspondence", RetentionRule.ForYears(10)),
        // The scans are all that is left of incomplete paper files: nothing else could replace them.
        new(DocumentCategories.LegacyScan, "اسناد اسکن‌شده قدیمی", "Legacy scan", RetentionRule.Forever),
    ];

    private static readonly Dictionary<string, DocumentCategory> ByCode = Categories.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static DocumentCategory? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var category) ? category : null;
}
