using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

public static class Requests
{
    public const string FilesPath = "/api/urban-planning/files";

    public static Task<HttpResponseMessage> OpenFileAsync(this HttpClient client, string renovationCode, string applicantNationalId, string officeCode) =>
        client.PostAsJsonAsync(FilesPath, new { renovationCode, applicantNationalId, officeCode });

    /// <summary>Asserts an RFC 9457 answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return problem;
    }

    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
