namespace CityEServices.Archive.IntegrationTests.Infrastructure;

public static class Requests
{
    public static string DossierPath(string fileNumber) => $"/api/archive/dossiers/{fileNumber}";
}
