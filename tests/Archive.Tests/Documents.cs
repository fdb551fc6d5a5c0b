using CityEServices.Archive.Domain;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Events;

namespace CityEServices.Archive.Tests;

/// <summary>Records as the archive holds them, with only what a rule looks at set.</summary>
internal static class Documents
{
    public static readonly DateTimeOffset ArchivedAt = new(2010, 3, 21, 8, 30, 0, TimeSpan.Zero);

    public static Document Of(string category, string? fileNumber = "05000000001", string? renovationCode = "5-2-3-4-0-0-0", int? district = 5, DateTimeOffset? createdAt = null) => new()
    {
        Id = Guid.NewGuid(),
        CategoryCode = category,
        FileNumber = fileNumber,
        RenovationCode = renovationCode,
        District = district,
        Title = $"{category} scan",
        Sha256 = new string('a', 64),
        ContentType = "application/pdf",
        CreatedAt = createdAt ?? ArchivedAt,
    };

    public static Document Correspondence(string? fileNumber = "05000000001") => Of(DocumentCategories.Correspondence, fileNumber);

    public static Dossier Dossier(string officeCode = "OFC5", string fileNumber = "05000000001", string renovationCode = "5-2-3-4-0-0-0", int district = 5) =>
        Domain.Dossier.From(new UrbanPlanningFileOpened(fileNumber, renovationCode, district, officeCode, "0076229645", "user:operator") { OccurredAt = ArchivedAt }, ArchivedAt);
}
