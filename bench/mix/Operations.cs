using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CityEServices.Bench;

namespace CityEServices.Mix;

/// <summary>
/// The integrator's day, by weight (percent; bench/README.md says why): mostly citizens' tracking and
/// property reads, fewer file reads and searches, fewer writes, rare uploads of 1-5 MB.
/// </summary>
internal sealed class Operations(Gateway gateway, World world)
{
    public static readonly (string Name, int Weight)[] Mix =
    [
        ("track", 35),
        ("property_read", 25),
        ("file_read", 12),
        ("search", 10),
        ("file_open", 8),
        ("request_action", 8),
        ("upload", 2),
    ];

    private static readonly int TotalWeight = Mix.Sum(m => m.Weight);
    private int logged;

    /// <summary>An operation drawn from the mix by weight.</summary>
    public static string Draw(Random random)
    {
        var roll = random.Next(TotalWeight);
        foreach (var (name, weight) in Mix)
        {
            if ((roll -= weight) < 0)
            {
                return name;
            }
        }

        return Mix[0].Name;
    }

    /// <summary>Sends one request of the kind; true when the answer was the one expected (2xx).</summary>
    public async Task<bool> SendAsync(string name, Random random, CancellationToken cancellationToken)
    {
        var file = world.Files[random.Next(world.Files.Count)];
        using var request = name switch
        {
            "track" => gateway.Request(HttpMethod.Get, $"/api/track/{file.TrackingCode}?nationalId={file.Owner}", null),
            "property_read" => gateway.Request(HttpMethod.Get, $"/api/properties/{file.RenovationCode}", world.Integrator),
            "file_read" => gateway.Request(HttpMethod.Get, $"/api/urban-planning/files/{file.FileNumber}", world.Integrator),
            "search" => random.Next(2) == 0
                ? gateway.Request(HttpMethod.Get, "/api/properties?district=22&q=ولیعصر&page=1&pageSize=20", world.Admin)
                : gateway.Request(HttpMethod.Get, $"/api/urban-planning/files?renovationCode={file.RenovationCode}&page=1&pageSize=20", world.Integrator),
            "file_open" => Open(),
            "request_action" => RequestAction(random),
            "upload" => Upload(random),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
        using var response = await gateway.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The first few only: at hundreds per second a failing route would drown the log.
            if (Interlocked.Increment(ref logged) <= 20)
            {
                Console.Error.WriteLine($"[mix] {name} {request.RequestUri!.AbsolutePath}: {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync(cancellationToken))}");
            }

            return false;
        }

        if (name == "file_open" && response.StatusCode == HttpStatusCode.Created)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
            world.WithoutRequest.Enqueue(body!["fileNumber"]!.GetValue<string>());
        }

        return true;
    }

    private HttpRequestMessage Open()
    {
        // Between steps the driver registers enough properties for the next one; should a step outrun
        // them, the opening becomes a property read rather than a conflict.
        if (!world.Unopened.TryDequeue(out var property))
        {
            return gateway.Request(HttpMethod.Get, $"/api/properties/{world.Files[0].RenovationCode}", world.Integrator);
        }

        var request = gateway.Request(HttpMethod.Post, "/api/urban-planning/files", world.Operator);
        request.Content = JsonContent.Create(new { renovationCode = property.RenovationCode, applicantNationalId = property.Owner, officeCode = world.Office });
        return request;
    }

    /// <summary>A building-permit request on a file the mix opened (one request per file; a file read when none is waiting).</summary>
    private HttpRequestMessage RequestAction(Random random)
    {
        if (!world.WithoutRequest.TryDequeue(out var fileNumber))
        {
            return gateway.Request(HttpMethod.Get, $"/api/urban-planning/files/{world.Files[random.Next(world.Files.Count)].FileNumber}", world.Integrator);
        }

        var request = gateway.Request(HttpMethod.Post, $"/api/urban-planning/files/{fileNumber}/requests", world.Operator);
        request.Content = JsonContent.Create(new { serviceType = "BUILDING_PERMIT", details = new { floors = 4, areaM2 = 610, usage = "Residential" } });
        return request;
    }

    /// <summary>A legacy scan of 1-5 MB, as the archive-transfer benchmark uploads them.</summary>
    private HttpRequestMessage Upload(Random random)
    {
        var pdf = Pdf.Make(random.Next(1024 * 1024, 5 * 1024 * 1024));
        var request = gateway.Request(HttpMethod.Post, "/api/archive/documents", world.Admin);
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        request.Content = new MultipartFormDataContent
        {
            { new StringContent("LEGACY_SCAN"), "category" },
            { new StringContent($"22-9-{world.Run}-{random.Next(1, 1_000_000)}-0-0-0"), "renovationCode" },
            { new StringContent("sizing benchmark"), "title" },
            { new StringContent("LegacyImport"), "source" },
            { file, "file", "scan.pdf" },
        };
        return request;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
