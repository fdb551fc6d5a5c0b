namespace CityEServices.Archive.Features.Dossiers;

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
