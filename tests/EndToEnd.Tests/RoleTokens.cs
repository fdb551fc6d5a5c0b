using System.Net;
using System.Text.Json.Nodes;

namespace CityEServices.EndToEnd.Tests;

/// <summary>A token for every role, from real users and a real integrator client created through the gateway.</summary>
public sealed class RoleTokens
{
    private static int _sequence = Random.Shared.Next(100, 900);

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public string this[string role] => _tokens[role];

    public static async Task<RoleTokens> CreateAsync(HttpClient gateway, string adminToken, SampleWorld world)
    {
        var tokens = new RoleTokens();
        tokens._tokens["admin"] = adminToken;
        tokens._tokens["office-operator"] = world.OperatorToken;
        var n = Interlocked.Increment(ref _sequence);
        foreach (var (role, extra) in new (string, object?)[] { ("registrar", null), ("archivist", null), ("district-reviewer", 7) })
        {
            var userName = $"{role.Replace("-", "", StringComparison.Ordinal)}{n}";
            await gateway.PostAsJsonAsync("/api/identity/users", new
            {
                userName,
                password = "Role-Passw0rd",
                roles = new[] { role },
                district = extra,
            }, adminToken).ExpectAsync(HttpStatusCode.Created);
            tokens._tokens[role] = await gateway.GetTokenAsync(userName, "Role-Passw0rd");
        }

        var client = await gateway.PostAsJsonAsync("/api/identity/clients", new { displayName = $"Utility company {n}", roles = new[] { "integrator" } }, adminToken)
            .ExpectAsync(HttpStatusCode.Created);
        tokens._tokens["integrator"] = await ClientCredentialsTokenAsync(gateway, client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>());
        return tokens;
    }

    public static async Task<string> ClientCredentialsTokenAsync(HttpClient gateway, string clientId, string clientSecret)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));
        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        return body["access_token"]!.GetValue<string>();
    }
}
