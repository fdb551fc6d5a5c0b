using System.Net.Http.Json;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

public static class Requests
{
    public const string FilesPath = "/api/urban-planning/files";

    public static Task<HttpResponseMessage> OpenFileAsync(this HttpClient client, string renovationCode, string applicantNationalId, string officeCode) =>
        client.PostAsJsonAsync(FilesPath, new { renovationCode, applicantNationalId, officeCode });
}
