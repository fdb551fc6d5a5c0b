using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace CityEServices.ArchiveImport;

public sealed record ImportReport(int Imported, int Skipped, int Rejected, IReadOnlyList<RowResult> Rows, bool Interrupted);

/// <summary>The archive refused the importing account itself (401/403): no row can be imported with it.</summary>
public sealed class ImportRefusedException(string message) : InvalidOperationException(message);

/// <summary>
/// Imports the manifest's rows through the gateway, one at a time: hash the scan, skip it when the
/// archive already holds that content for the file (or property), else upload it streamed as a
/// LegacyImport. Every finished row goes to the state file before the next starts.
/// </summary>
public sealed class Importer(HttpClient gateway, ImportState state, TextWriter output, bool redraw)
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>Called after each row; tests use it to interrupt a run part-way.</summary>
    public Action<RowResult>? AfterRow { get; init; }

    public async Task<ImportReport> RunAsync(string folder, IReadOnlyList<ManifestRow> rows, CancellationToken cancellationToken)
    {
        long SizeOf(ManifestRow row) => File.Exists(Resolve(folder, row.Path)) ? new FileInfo(Resolve(folder, row.Path)).Length : 0;
        var pending = rows.Where(r => state.Finished(r) is null).ToList();
        var progress = new ProgressDisplay(output, redraw, pending.Sum(SizeOf), rows.Count);
        var results = new List<RowResult>();

        foreach (var row in rows.Where(r => state.Finished(r) is not null))
        {
            var earlier = state.Finished(row)!;
            var result = earlier with { Line = row.Line, Outcome = RowOutcome.Skipped, Reason = $"finished in an earlier run ({earlier.Outcome.ToString().ToLowerInvariant()})" };
            results.Add(result);
            progress.Row(result, 0);
        }

        var interrupted = false;
        foreach (var row in pending)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }

            RowResult result;
            try
            {
                result = await ImportRowAsync(folder, row, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }

            state.Record(result);
            results.Add(result);
            progress.Row(result, SizeOf(row));
            AfterRow?.Invoke(result);
        }

        progress.Finish();
        return new ImportReport(
            results.Count(r => r.Outcome == RowOutcome.Imported),
            results.Count(r => r.Outcome == RowOutcome.Skipped),
            results.Count(r => r.Outcome == RowOutcome.Rejected),
            results,
            interrupted);
    }

    private static string Resolve(string folder, string path) => Path.GetFullPath(Path.Combine(folder, path));

    private async Task<RowResult> ImportRowAsync(string folder, ManifestRow row, CancellationToken cancellationToken)
    {
        RowResult Rejected(string reason, string? sha = null) => new(row.Line, row.Key, row.Path, RowOutcome.Rejected, sha, null, reason);

        var path = Resolve(folder, row.Path);
        if (!path.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal))
        {
            return Rejected("path leaves the import folder");
        }

        if (!File.Exists(path))
        {
            return Rejected("file not found");
        }

        if (string.IsNullOrWhiteSpace(row.FileNumber) && string.IsNullOrWhiteSpace(row.RenovationCode))
        {
            return Rejected("neither a file number nor a renovation code");
        }

        string sha;
        await using (var file = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }

        if (await FindArchivedAsync(row, sha, cancellationToken) is { } existing)
        {
            return new RowResult(row.Line, row.Key, row.Path, RowOutcome.Skipped, sha, existing, "already archived (same content)");
        }

        using var response = await SendWithRetryAsync(() => Upload(row, path), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            var id = JsonDocument.Parse(body).RootElement.GetProperty("documentId").GetGuid();
            return response.StatusCode == HttpStatusCode.Created
                ? new RowResult(row.Line, row.Key, row.Path, RowOutcome.Imported, sha, id, null)
                : new RowResult(row.Line, row.Key, row.Path, RowOutcome.Skipped, sha, id, "already archived (same content)");
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // Not about this row: the account may not import (or its token ran out). Every row after it
            // would be refused the same way, each after streaming its scan, so stop; a rerun with a
            // permitted account resumes here.
            throw new ImportRefusedException($"the archive refused the account ({(int)response.StatusCode} {Describe(body)}). "
                + "A client needs the archive.write scope; staff need the archivist or admin role.");
        }

        return Rejected($"{(int)response.StatusCode} {Describe(body)}", sha);
    }

    private async Task<Guid?> FindArchivedAsync(ManifestRow row, string sha, CancellationToken cancellationToken)
    {
        var query = $"/api/archive/documents?sha256={sha}&pageSize=1"
            + (row.FileNumber is { } f ? $"&fileNumber={Uri.EscapeDataString(f)}" : $"&renovationCode={Uri.EscapeDataString(row.RenovationCode!)}");
        using var response = await SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Get, query), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // A malformed file number or code: the upload will be refused with the reason. Or a client
            // without archive.read: then the upload finds out, and the archive answers an identical scan
            // in the same file with its existing record instead of storing it twice.
            return null;
        }

        var page = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return page.GetProperty("items").EnumerateArray().Select(i => (Guid?)i.GetProperty("documentId").GetGuid()).FirstOrDefault();
    }

    private static HttpRequestMessage Upload(ManifestRow row, string path)
    {
        var form = new MultipartFormDataContent();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                form.Add(new StringContent(value), name);
            }
        }

        Add("category", row.Category);
        Add("fileNumber", row.FileNumber);
        Add("renovationCode", row.RenovationCode);
        Add("title", row.Title);
        Add("scannedDate", row.ScannedDate);
        Add("source", "LegacyImport");
        // Streamed from disk; the declared type is a formality (the archive judges the bytes).
        var file = new StreamContent(File.OpenRead(path), 81920);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", Path.GetFileName(path));
        return new HttpRequestMessage(HttpMethod.Post, "/api/archive/documents") { Content = form };
    }

    /// <summary>Network failures, 5xx and 429 are retried with backoff; then the run stops (and can be resumed).</summary>
    private async Task<HttpResponseMessage> SendWithRetryAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage? response = null;
            try
            {
                using var message = request();
                response = await gateway.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    return response;
                }

                if (attempt >= Backoff.Length)
                {
                    return response;
                }
            }
            catch (HttpRequestException) when (attempt < Backoff.Length)
            {
            }

            response?.Dispose();
            await Task.Delay(Backoff[attempt], cancellationToken);
        }
    }

    private static string Describe(string problemJson)
    {
        try
        {
            var problem = JsonDocument.Parse(problemJson).RootElement;
            var parts = new List<string>();
            // The machine-readable reason (insufficient_scope, RoleNotAllowed, ...) says what to fix.
            if (problem.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
            {
                parts.Add(reason.GetString()!);
            }

            if (problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                parts.Add(detail.GetString()!);
            }
            else if (problem.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
            {
                parts.Add(title.GetString()!);
            }

            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString()))}"));
            }

            return string.Join("; ", parts);
        }
        catch (JsonException)
        {
            return problemJson.Length > 200 ? problemJson[..200] : problemJson;
        }
    }
}
