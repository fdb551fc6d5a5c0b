using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CityEServices.Bench;
using CityEServices.TestSupport;

// event_hop_p50_ms / _p95_ms: from the moment urban planning's 201 for a new file reaches the client
// (its transaction — file and outbox row — has committed by then) to the dossier's creation time as the
// archive stores it, for files opened at a steady rate. Both clocks are this machine's.
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(30) };
var gateway = new Gateway(http, new Uri(Env("CITY_GATEWAY_URL")));
var archive = new Gateway(http, new Uri(Env("CITY_ARCHIVE_URL")));
var adminPassword = Env("CITY_ADMIN_PASSWORD");
var perSecond = int.Parse(Environment.GetEnvironmentVariable("BENCH_EVENT_HOP_PER_S") ?? "20", CultureInfo.InvariantCulture);
var seconds = int.Parse(Environment.GetEnvironmentVariable("BENCH_EVENT_HOP_SECONDS") ?? "10", CultureInfo.InvariantCulture);
// The first openings after a start meet cold code, empty connection pools and fresh broker channels on
// every hop (1-2 s each), and the services' methods reach their optimised tier only after tens of
// seconds of this load: measured on fresh stacks, p95 254-1,188 ms after 3 s of warm-up, 38 ms after
// 30 s, 9-10 ms on a stack that had run a minute. The same steady stream runs this long before the
// measured openings, and its own p95 and worst hop are reported apart (event_hop_warmup_*), so the cold
// cost stays in sight.
var warmupSeconds = int.Parse(Environment.GetEnvironmentVariable("BENCH_EVENT_HOP_WARMUP_SECONDS") ?? "60", CultureInfo.InvariantCulture);

var run = Random.Shared.Next(10_000, 99_999);
var admin = await gateway.PasswordTokenAsync("admin", adminPassword);
await using var webhooks = await WebhookProbe.SubscribeAsync(gateway, admin);

// One office, licensed for URBAN_FILE, with one certified operator who opens every file.
var office = $"B{run}";
await gateway.PostAsync("/api/offices", new { code = office, name = $"دفتر سنجش {run}", district = 22, address = "تهران" }, admin);
await gateway.PostAsync($"/api/offices/{office}/licences", new { serviceType = "URBAN_FILE" }, admin);
var operatorId = NationalIds.Next();
await gateway.PostAsync($"/api/offices/{office}/staff", new { nationalId = operatorId, fullName = "سارا کریمی", role = "Operator" }, admin);
foreach (var kind in new[] { "Exam", "Interview", "Training" })
{
    await gateway.PostAsync($"/api/staff/{operatorId}/qualifications", new { serviceType = "URBAN_FILE", kind, score = 90, passed = true }, admin);
}

const string OperatorPassword = "Bench-Operator-Passw0rd";
await gateway.PostAsync("/api/identity/users", new { userName = $"bench{run}", password = OperatorPassword, roles = new[] { "office-operator" }, nationalId = operatorId, officeCode = office }, admin);
var operatorToken = await gateway.PasswordTokenAsync($"bench{run}", OperatorPassword);

// One property per file (a property has at most one file), registered before the clock starts.
var warmup = perSecond * warmupSeconds;
var count = warmup + perSecond * seconds;
var properties = new (string Code, string Owner)[count];
await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
    properties[i] = await Properties.RegisterAsync(gateway, run, i + 1, admin));
Console.Error.WriteLine($"[event-hop] opening {count} files at {perSecond}/s, the first {warmup} to warm up");

// Steady load: one opening every 1/perSecond s on a fixed schedule, whatever the previous ones are doing.
var opened = new (string FileNumber, DateTimeOffset AnsweredAt)?[count];
var clock = Stopwatch.StartNew();
var openings = new List<Task>(count);
for (var i = 0; i < count; i++)
{
    var due = TimeSpan.FromSeconds((double)i / perSecond) - clock.Elapsed;
    if (due > TimeSpan.Zero)
    {
        await Task.Delay(due);
    }

    var index = i;
    openings.Add(Task.Run(async () =>
    {
        using var response = await gateway.SendAsync(HttpMethod.Post, "/api/urban-planning/files", operatorToken,
            new { renovationCode = properties[index].Code, applicantNationalId = properties[index].Owner, officeCode = office });
        var answeredAt = DateTimeOffset.UtcNow;
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonNode>();
            opened[index] = (body!["fileNumber"]!.GetValue<string>(), answeredAt);
        }
        else
        {
            Console.Error.WriteLine($"[event-hop] opening {properties[index].Code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }));
}

await Task.WhenAll(openings);
var openSeconds = clock.Elapsed.TotalSeconds;

// The dossiers, read straight from the archive once they exist (404 until then).
var hops = new List<double>();
var warmupHops = new List<double>();
var missing = 0;
var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
for (var i = 0; i < count; i++)
{
    if (opened[i] is not { } file)
    {
        continue;
    }

    while (true)
    {
        using var response = await archive.SendAsync(HttpMethod.Get, $"/api/archive/dossiers/{file.FileNumber}", admin);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var dossier = await response.Content.ReadFromJsonAsync<JsonNode>();
            var createdAt = DateTimeOffset.Parse(dossier!["createdAt"]!["utc"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            (i < warmup ? warmupHops : hops).Add((createdAt - file.AnsweredAt).TotalMilliseconds);
            break;
        }

        if (DateTimeOffset.UtcNow > deadline)
        {
            missing++;
            break;
        }

        await Task.Delay(100);
    }
}

var measured = opened.Skip(warmup).Where(f => f is not null).Select(f => f!.Value).ToList();
var (deliveries, undelivered, unsigned) = await webhooks.MeasureAsync(measured, TimeSpan.FromSeconds(20));
deliveries.Sort();

if (hops.Count == 0)
{
    Console.Error.WriteLine("[event-hop] no dossier appeared");
    return 1;
}

hops.Sort();
Console.WriteLine($"event_hop_p50_ms: {Percentiles.Of(hops, 50):F1}");
Console.WriteLine($"event_hop_p95_ms: {Percentiles.Of(hops, 95):F1}");
Console.WriteLine($"event_hop_p99_ms: {Percentiles.Of(hops, 99):F1}");
Console.WriteLine($"event_hop_max_ms: {hops[^1]:F1}");
Console.WriteLine($"event_hop_files: {hops.Count}");
warmupHops.Sort();
Console.WriteLine($"event_hop_warmup_p95_ms: {(warmupHops.Count == 0 ? 0 : Percentiles.Of(warmupHops, 95)):F1}");
Console.WriteLine($"event_hop_warmup_max_ms: {(warmupHops.Count == 0 ? 0 : warmupHops[^1]):F1}");
Console.WriteLine($"event_hop_files_per_s: {(hops.Count + warmupHops.Count) / openSeconds:F1}");
Console.WriteLine($"event_hop_missing_dossiers: {missing + count - opened.Count(f => f is not null)}");
if (deliveries.Count > 0)
{
    Console.WriteLine($"webhook_delivery_p50_ms: {Percentiles.Of(deliveries, 50):F1}");
    Console.WriteLine($"webhook_delivery_p95_ms: {Percentiles.Of(deliveries, 95):F1}");
    Console.WriteLine($"webhook_delivery_p99_ms: {Percentiles.Of(deliveries, 99):F1}");
    Console.WriteLine($"webhook_delivery_max_ms: {deliveries[^1]:F1}");
}

Console.WriteLine($"webhook_delivery_missing: {undelivered}");
Console.WriteLine($"webhook_delivery_unsigned: {unsigned}");
return deliveries.Count == 0 || unsigned > 0 ? 1 : 0;

static string Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
    ? value : throw new InvalidOperationException($"{name} is not set: run through ./city bench");
