using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CityEServices.Bench;

/// <summary>
/// A city endpoint (the gateway, or a service straight) as the benchmark drivers call it: tokens, JSON
/// calls that must succeed (preparation), raw sends (load). Compiled into each driver from bench/lib.
/// </summary>
internal sealed class Gateway(HttpClient http, Uri baseAddress)
{
    public HttpClient Http => http;

    public Uri Url(string path) => new(baseAddress, path);

    public async Task<string> PasswordTokenAsync(string user, string password) =>
        await TokenAsync(new() { ["grant_type"] = "password", ["client_id"] = "city-cli", ["username"] = user, ["password"] = password });

    public async Task<string> ClientTokenAsync(string clientId, string secret) =>
        await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret });

    public async Task<JsonNode> PostAsync(string path, object body, string token)
    {
        using var request = Request(HttpMethod.Post, path, token);
        request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    /// <summary>A raw send whose answer the caller reads and judges (and disposes).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = Request(method, path, token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, Url(path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<string> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await http.PostAsync(Url("/connect/token"), new FormUrlEncodedContent(form));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"token ({form["grant_type"]}): {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text)!["access_token"]!.GetValue<string>();
    }
}
