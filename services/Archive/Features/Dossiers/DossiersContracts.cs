using CityEServices.Archive.Domain;
using CityEServices.Iran;

namespace CityEServices.Archive.Api;

public sealed record CategoryResponse(string Code, string TitleFa, string TitleEn, RetentionRule Retention)
{
    public static CategoryResponse From(DocumentCategory category) =>
        new(category.Code, category.TitleFa, category.TitleEn, category.Retention);
}

public sealed record DossierResponse(
    string FileNumber,
    string RenovationCode,
    int District,
    string OfficeCode,
    DualTime OpenedAt,
    DualTime CreatedAt,
    IReadOnlyList<DocumentResponse> Documents)
{
    public static DossierResponse From(Dossier dossier, IReadOnlyList<DocumentResponse> documents) => new(
        dossier.FileNumber,
        dossier.RenovationCode,
        dossier.District,
        dossier.OfficeCode,
        DualTime.From(dossier.OpenedAt),
        DualTime.From(dossier.CreatedAt),
        documents);
}
