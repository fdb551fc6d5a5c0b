using System.Net.Http.Json;
using System.Text.Json;

namespace CityEServices.ArchiveImport;

/// <summary>An access token from the gateway's /connect/token: the password grant (staff) or client credentials (a service client).</summary>
public static class TokenClient
{
    public static async Task<string> GetAsync(HttpClient gateway, ImportOptions options, CancellationToken cancellationToken)
    {
        var form = options.ClientSecret is not null
            ? new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = options.ClientId, ["client_secret"] = options.ClientSecret }
            : new Dictionary<string, string> { ["grant_type"] = "password", ["client_id"] = options.ClientId, ["username"] = options.User!, ["password"] = options.Password! };
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(form), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.IsSuccessStatusCode && body.TryGetProperty("access_token", out var token)
            ? token.GetString()!
            : throw new InvalidOperationException($"The gateway refused a token ({(int)response.StatusCode}): {body}");
    }
}
