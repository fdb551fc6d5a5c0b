namespace CityEServices.Archive.IntegrationTests.Infrastructure;

public static class Requests
{
    public static string DossierPath(string fileNumber) => $"/api/archive/dossiers/{fileNumber}";

    public const string Documents = "/api/archive/documents";

    public static string Document(Guid id) => $"/api/archive/documents/{id}";

    public static string Content(Guid id) => $"/api/archive/documents/{id}/content";
}
