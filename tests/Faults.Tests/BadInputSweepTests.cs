using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace CityEServices.Faults.Tests;

/// <summary>
/// A generated sweep of bad input against every route, through the gateway as an admin (the caller who
/// gets furthest): malformed JSON, wrong types, huge strings, invalid identifiers, path traversal, wrong
/// content types and oversized bodies. Nothing may answer 5xx, and a database whose service accepted
/// none of the sweep's requests must hold exactly the rows it held before.
/// </summary>
[Collection(FaultStackCollection.Name)]
public sealed class BadInputSweepTests(FaultStackFixture stack, ITestOutputHelper output)
{
    private static readonly string[] Databases = ["identity", "property", "officemanagement", "urbanplanning", "archive"];

    /// <summary>Where a service records who read personal data or document content: a read it served is one more row, by design.</summary>
    private static readonly string[] ReadAuditTables = ["personal_data_reads", "content_reads"];

    /// <summary>Path-parameter values: traversal (encoded, so the client does not collapse it), junk, overflow, injection.</summary>
    private static readonly string[] BadSegments =
    [
        "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5C..%5Cwindows", "....%2F%2F....%2F%2Fetc",
        "%00", "%20", "-1", "0", "99999999999999999999999999", new string('9', 3000), "%27%20OR%201%3D1%20--",
        "%3Cscript%3E", "null", "%7B%7D", "%DB%B1%DB%B2%DB%B3", "%FF%FE", Uri.EscapeDataString(new string('ب', 500)),
    ];

    private const string OversizedBody = "2 MB body";

    private static readonly string[] Processes = ["identity", "property", "officemanagement", "archive", "urbanplanning", "gateway"];

    [Fact]
    public async Task No_route_answers_5xx_to_bad_input_and_refused_requests_store_nothing()
    {
        var admin = await stack.AdminTokenAsync();
        var world = await CreateWorldAsync(admin);
        var routes = RouteCatalog.Build(world).ToList();
        routes.AddRange(await OpenApiRoutesBeyondAsync(routes));

        var requests = routes.SelectMany(route => Mutations(route, world)).ToList();
        var before = await CountRowsAsync();

        var serverErrors = new ConcurrentQueue<string>();
        var accepted = new ConcurrentQueue<(string Service, string What)>();
        var served = new ConcurrentDictionary<string, bool>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (sent, ct) =>
        {
            using var request = sent.Build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            // A fresh connection each: a refusal that leaves a body unread may close the connection it
            // came on, and a pooled reuse racing that close would look like a server failure.
            request.Headers.ConnectionClose = true;
            HttpResponseMessage response;
            try
            {
                response = await stack.Gateway.SendAsync(request, ct);
            }
            catch (HttpRequestException ex) when (sent.Body?.Length > 64 * 1024)
            {
                // A server may refuse a large body before reading it and close the connection under the
                // sender (RFC 9112 §9.6); whether everything kept running is checked below.
                output.WriteLine($"{sent.Description}: connection closed while sending ({ex.Message})");
                return;
            }
            catch (HttpRequestException ex)
            {
                serverErrors.Enqueue($"{sent.Description} → no answer: {ex.Message} {ex.InnerException?.Message}");
                return;
            }

            using var _ = response;
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                serverErrors.Enqueue($"{sent.Description} → {status} {body[..Math.Min(body.Length, 300)]}");
            }
            else if (status is >= 200 and < 300 && request.Method != HttpMethod.Get)
            {
                accepted.Enqueue((sent.Route.Service, $"{sent.Description} → {status}"));
            }
            else if (status is >= 200 and < 300)
            {
                served[sent.Route.Service] = true;
            }
        });

        output.WriteLine($"{requests.Count} requests against {routes.Count} routes; {accepted.Count} accepted, {serverErrors.Count} server errors");
        foreach (var (_, what) in accepted)
        {
            output.WriteLine($"accepted (its service's rows are not compared): {what}");
        }

        Assert.All(Processes, p => Assert.True(stack.IsRunning(p), $"{p} is no longer running after the sweep"));
        Assert.True(serverErrors.IsEmpty, $"{serverErrors.Count} requests answered 5xx or not at all:\n{string.Join('\n', serverErrors.Take(40))}");

        var after = await CountRowsAsync();
        var accepting = accepted.Select(a => a.Service).ToHashSet();
        foreach (var (table, rows) in before.Where(t => !accepting.Contains(t.Key.Split('.')[0])
            && !(served.ContainsKey(t.Key.Split('.')[0]) && ReadAuditTables.Contains(t.Key.Split('.')[1]))))
        {
            Assert.True(after[table] == rows, $"{table}: {rows} rows before the sweep, {after[table]} after, though every request to its service was refused");
        }
    }

    /// <summary>The generated requests for one route.</summary>
    private static IEnumerable<SentRequest> Mutations(SweptRoute route, SweepWorld world)
    {
        var method = new HttpMethod(route.Method);
        var path = RouteCatalog.Fill(route.Template, world);

        foreach (var parameter in RouteCatalog.Parameters(route.Template))
        {
            foreach (var segment in BadSegments)
            {
                yield return new(route, method, RouteCatalog.Fill(route.Template, world, parameter, segment), route.Body?.ToJsonString(), "application/json", $"{{{parameter}}}={segment[..Math.Min(segment.Length, 24)]}");
            }
        }

        if (method == HttpMethod.Get)
        {
            yield return new(route, method, path + "?page=-1&pageSize=100000&district=abc&q=" + new string('x', 2000) + "&nationalId=..%2F..", null, null, "bad query");
            yield break;
        }

        // Whole-body mutations: not JSON, not an object, nothing, too much, the wrong media type.
        string[] malformed = ["{", "{\"a\":", "[1,2", "nul", "\"text\"", "[]", "{}", "", "{\"x\":1}}", "{\"x\":\"\\ud800\"}", "\u0000"];
        foreach (var body in malformed)
        {
            yield return new(route, method, path, body, "application/json", $"body {body[..Math.Min(body.Length, 12)]}");
        }

        var valid = route.Body?.ToJsonString() ?? "{}";
        foreach (var mediaType in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded" })
        {
            yield return new(route, method, path, valid, mediaType, $"as {mediaType}");
        }

        yield return new(route, method, path, "{\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", "application/json", OversizedBody);

        if (route.Body is null || route.Form)
        {
            yield break;
        }

        // Field mutations: each top-level field given the wrong type, a huge string, a NUL, an overflow.
        foreach (var (field, value) in route.Body)
        {
            foreach (var (label, replacement) in WrongValues(value))
            {
                var body = (JsonObject)route.Body.DeepClone();
                body[field] = replacement;
                yield return new(route, method, path, body.ToJsonString(), "application/json", $"{field}: {label}");
            }
        }
    }

    private static IEnumerable<(string Label, JsonNode? Value)> WrongValues(JsonNode? original)
    {
        yield return ("object", new JsonObject { ["x"] = 1 });
        yield return ("array", new JsonArray(1, 2));
        switch (original?.GetValueKind())
        {
            case System.Text.Json.JsonValueKind.String:
                yield return ("number", 12345);
                yield return ("bool", true);
                yield return ("huge string", new string('ش', 200_000));
                yield return ("NUL inside", "a\u0000b");
                yield return ("traversal", "../../../etc/passwd");
                break;
            case System.Text.Json.JsonValueKind.Number:
                yield return ("text", "abc");
                yield return ("overflow", JsonNode.Parse("1e400"));
                yield return ("int overflow", JsonNode.Parse("99999999999999999999"));
                yield return ("negative", -1);
                break;
            case System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False:
                yield return ("text", "yes");
                break;
            case System.Text.Json.JsonValueKind.Array:
                yield return ("text", "x");
                yield return ("array of junk", new JsonArray(1, "x", null));
                break;
        }
    }

    private sealed record SentRequest(SweptRoute Route, HttpMethod Method, string Path, string? Body, string? MediaType, string What)
    {
        public string Description => $"{Route} [{What}]";

        public HttpRequestMessage Build()
        {
            var request = new HttpRequestMessage(Method, Path);
            if (Body is not null && Method != HttpMethod.Get)
            {
                request.Content = new StringContent(Body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaType is null ? null : new MediaTypeHeaderValue(MediaType);
            }

            return request;
        }
    }

    /// <summary>Routes the services' OpenAPI documents list that the catalogue does not (once they serve one).</summary>
    private async Task<IEnumerable<SweptRoute>> OpenApiRoutesBeyondAsync(IReadOnlyList<SweptRoute> known)
    {
        var found = new List<SweptRoute>();
        foreach (var service in Databases)
        {
            using var client = stack.Service(service);
            using var response = await client.GetAsync("/openapi/v1.json");
            if (response.StatusCode != HttpStatusCode.OK || JsonNode.Parse(await response.Content.ReadAsStringAsync())?["paths"] is not JsonObject paths)
            {
                continue;
            }

            foreach (var (template, operations) in paths)
            {
                foreach (var (method, _) in operations!.AsObject())
                {
                    var route = new SweptRoute(method.ToUpperInvariant(), template, service, method is "post" or "put" or "patch" ? new JsonObject() : null);
                    if (!template.StartsWith("/api/", StringComparison.Ordinal) && template != "/connect/token"
                        || known.Any(k => k.Method == route.Method && Same(k.Template, template)))
                    {
                        continue;
                    }

                    found.Add(route);
                }
            }
        }

        output.WriteLine($"OpenAPI documents added {found.Count} routes: {string.Join(", ", found)}");
        return found;

        static bool Same(string a, string b) =>
            System.Text.RegularExpressions.Regex.Replace(a.TrimEnd('/'), @"\{[^}]*\}", "{}") == System.Text.RegularExpressions.Regex.Replace(b.TrimEnd('/'), @"\{[^}]*\}", "{}");
    }

    private async Task<SweepWorld> CreateWorldAsync(string admin)
    {
        var world = await SampleWorld.CreateAsync(stack.Gateway, admin, district: 17);
        var opened = await stack.Gateway.PostAsJsonAsync("/api/urban-planning/files", new
        {
            renovationCode = world.RenovationCode,
            applicantNationalId = world.ApplicantNationalId,
            officeCode = world.OfficeCode,
        }, world.OperatorToken).ExpectAsync(HttpStatusCode.Created);
        // The file's dossier arrives by event; it must be there before the rows are counted.
        var fileNumber = opened["fileNumber"]!.GetValue<string>();
        await Eventually.UntilAsync(
            async () => await stack.ScalarAsync("archive", "SELECT count(*) FROM dossiers WHERE file_number = $1", fileNumber) == 1,
            TimeSpan.FromSeconds(60), "the sweep world's dossier");
        return new SweepWorld(17, world.RenovationCode, world.ApplicantNationalId, world.OfficeCode, world.OperatorNationalId,
            opened["fileNumber"]!.GetValue<string>(), opened["trackingCode"]!.GetValue<string>());
    }

    /// <summary>Rows per table ("database.table") in every service's database.</summary>
    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var database in Databases)
        {
            await using var connection = await stack.OpenDatabaseAsync(database);
            var tables = new List<string>();
            await using (var list = new Npgsql.NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                await using var count = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
                counts[$"{database}.{table}"] = (long)(await count.ExecuteScalarAsync())!;
            }
        }

        return counts;
    }
}
