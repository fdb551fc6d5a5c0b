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
    IReadOnlyList<DossierDocumentResponse> Documents)
{
    public static DossierResponse From(Dossier dossier, IReadOnlyList<DossierDocumentResponse> documents) => new(
        dossier.FileNumber,
        dossier.RenovationCode,
        dossier.District,
        dossier.OfficeCode,
        DualTime.From(dossier.OpenedAt),
        DualTime.From(dossier.CreatedAt),
        documents);
}

public sealed record DossierDocumentResponse(
    Guid DocumentId,
    string Category,
    string Title,
    int Version,
    DocumentSource Source,
    string Sha256,
    long SizeBytes,
    string ContentType,
    int? Pages,
    DualTime? ScannedAt,
    DualTime CreatedAt)
{
    public static DossierDocumentResponse From(Document document) => new(
        document.Id,
        document.CategoryCode,
        document.Title,
        document.Version,
        document.Source,
        document.Sha256,
        document.SizeBytes,
        document.ContentType,
        document.Pages,
        document.ScannedAt is { } scanned ? DualTime.From(scanned) : null,
        DualTime.From(document.CreatedAt));
}
