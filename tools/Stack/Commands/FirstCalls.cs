using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CityEServices.Stack.Commands;

/// <summary>
/// "Healthy" must mean ready: once, right after the gateway reported healthy, a new user's first
/// <c>GET /api/service-types</c> took over 30 s. So the moment a fresh bench stack is healthy, a new user's
/// first calls are made through the gateway, one after another — a token, then a read of every service
/// and the anonymous pages — and each one's time is a figure (<c>first_call_ms_&lt;name&gt;</c>), with the
/// slowest (<c>first_call_max_ms</c>) and how many did not answer 2xx (<c>first_call_errors</c>).
/// </summary>
internal static class FirstCalls
{
    private static readonly (string Name, string Path)[] Reads =
    [
        ("service_types", "/api/service-types"),
        ("offices", "/api/offices?district=1"),
        ("properties", "/api/properties?district=5"),
        ("files", "/api/urban-planning/files"),
        ("archive_documents", "/api/archive/documents"),
        ("sms_messages", "/api/notifications/sms/messages"),
        ("users", "/api/identity/users/admin"),
        ("open_data", "/api/open-data/performance?from=1404/01&to=1404/12&groupBy=district"),
        ("track_page", "/track"),
    ];

    public static async Task AddAsync(Uri gateway, string password, Figures figures, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        var slowest = 0.0;
        var errors = 0;

        // A call that fails or gets no answer is a figure too (an error, with its time), not the end of the benchmark.
        async Task<HttpResponseMessage?> TimedAsync(string name, Func<Task<HttpResponseMessage>> call)
        {
            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage? response = null;
            string? failure = null;
            try
            {
                response = await call();
                failure = response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failure = ex.Message;
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            slowest = Math.Max(slowest, elapsed);
            figures.Add($"first_call_ms_{name}", elapsed.ToString("F0", CultureInfo.InvariantCulture));
            if (failure is not null)
            {
                errors++;
                Say.Line($"first call {name}: {failure} after {elapsed:F0} ms");
            }

            return response;
        }

        using var token = await TimedAsync("token", () => http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "city-cli",
            ["username"] = "admin",
            ["password"] = password,
        }), cancellationToken));
        if (token is { IsSuccessStatusCode: true })
        {
            using var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync(cancellationToken));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("access_token").GetString());
        }

        foreach (var (name, path) in Reads)
        {
            using var response = await TimedAsync(name, () => http.GetAsync(path, cancellationToken));
        }

        figures.Add("first_call_max_ms", slowest.ToString("F0", CultureInfo.InvariantCulture));
        figures.Add("first_call_errors", errors.ToString(CultureInfo.InvariantCulture));
    }
}
