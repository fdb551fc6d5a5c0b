using System.Net;
using System.Text.Json.Nodes;
using Xunit;
using static CityEServices.EndToEnd.Tests.ArchiveUploads;

namespace CityEServices.EndToEnd.Tests;

/// <summary>What staff and integrators do through the gateway in more than one story: licensing, reviewers, scans, actions, scoped clients.</summary>
public static class Counter
{
    /// <summary>Licenses the world's office for <paramref name="serviceType"/> and certifies its operator for it.</summary>
    public static async Task AuthoriseAsync(this HttpClient gateway, string admin, SampleWorld world, string serviceType)
    {
        await gateway.PostAsJsonAsync($"/api/offices/{world.OfficeCode}/licences", new { serviceType }, admin).ExpectAsync(HttpStatusCode.Created);
        foreach (var kind in new[] { "Exam", "Interview", "Training" })
        {
            await gateway.PostAsJsonAsync($"/api/staff/{world.OperatorNationalId}/qualifications", new { serviceType, kind, score = 90, passed = true }, admin)
                .ExpectAsync(HttpStatusCode.Created);
        }
    }

    public static async Task<string> CreateReviewerAsync(this HttpClient gateway, string admin, int district)
    {
        var userName = $"reviewer{district}x{Guid.NewGuid().ToString("N")[..6]}";
        const string password = "Reviewer-Passw0rd";
        await gateway.PostAsJsonAsync("/api/identity/users", new { userName, password, roles = new[] { "district-reviewer" }, district }, admin)
            .ExpectAsync(HttpStatusCode.Created);
        return await gateway.GetTokenAsync(userName, password);
    }

    public static async Task ScanAsync(this HttpClient gateway, SampleWorld world, string fileNumber, string category, string title)
    {
        var receipt = await PostFormAsync(gateway, "/api/archive/documents", Form(Pdf(category), $"{category.ToLowerInvariant()}.pdf", "application/pdf",
                ("category", category), ("renovationCode", world.RenovationCode), ("fileNumber", fileNumber), ("title", title), ("source", "OfficeScan")),
            world.OperatorToken).ExpectAsync(HttpStatusCode.Created);
        Assert.False(receipt["alreadyArchived"]!.GetValue<bool>());
    }

    public static Task<JsonNode> ActAsync(this HttpClient gateway, string requestId, string token, object body, HttpStatusCode expected) =>
        gateway.PostAsJsonAsync($"/api/urban-planning/requests/{requestId}/actions", body, token).ExpectAsync(expected);

    /// <summary>An integrator client granted <paramref name="scope"/>: its id, secret and a client-credentials token asking for it.</summary>
    public static async Task<(string ClientId, string Secret, string Token)> CreateScopedClientAsync(this HttpClient gateway, string admin, string displayName, string scope)
    {
        var client = await gateway.PostAsJsonAsync("/api/identity/clients", new
        {
            displayName = $"{displayName} {Guid.NewGuid().ToString("N")[..6]}",
            roles = new[] { "integrator" },
            scopes = new[] { scope },
        }, admin).ExpectAsync(HttpStatusCode.Created);
        var clientId = client["clientId"]!.GetValue<string>();
        var secret = client["clientSecret"]!.GetValue<string>();
        using var response = await gateway.RequestClientTokenAsync(clientId, secret, scope);
        return (clientId, secret, (await response.ReadJsonAsync(HttpStatusCode.OK))["access_token"]!.GetValue<string>());
    }

    public static async Task<string> CreateClientAsync(this HttpClient gateway, string admin, string displayName, string scope) =>
        (await gateway.CreateScopedClientAsync(admin, displayName, scope)).Token;

    public static Task<HttpResponseMessage> RequestClientTokenAsync(this HttpClient gateway, string clientId, string secret, string scope) =>
        gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }));
}
