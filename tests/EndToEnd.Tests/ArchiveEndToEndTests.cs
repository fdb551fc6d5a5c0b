using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CityEServices.ArchiveImport;
using Xunit;
using static CityEServices.EndToEnd.Tests.ArchiveUploads;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// The archive's "done" through the gateway: a scan uploaded to a newly opened file reads back
/// byte-identical, an executable renamed .pdf is refused, a corrupted file on disk is found by the next
/// fixity run (requested, 202, polled), an operator of a suspended office is refused within 5 s, and the
/// legacy bulk import shows progress, imports nothing the second time, and works as a client granted
/// archive.write.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class ArchiveEndToEndTests(CityStackFixture stack)
{
    private static readonly TimeSpan EventDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_scan_uploaded_to_a_new_file_reads_back_identical_impostors_are_refused_and_damage_is_found()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 14);
        var opened = await gateway.PostAsJsonAsync("/api/urban-planning/files", new
        {
            renovationCode = world.RenovationCode,
            applicantNationalId = world.ApplicantNationalId,
            officeCode = world.OfficeCode,
        }, world.OperatorToken).ExpectAsync(HttpStatusCode.Created);
        var fileNumber = opened["fileNumber"]!.GetValue<string>();

        // The dossier of the newly opened file exists within moments.
        await Eventually.UntilAsync(async () =>
        {
            using var response = await gateway.GetAsync($"/api/archive/dossiers/{fileNumber}", world.OperatorToken);
            return response.StatusCode == HttpStatusCode.OK;
        }, EventDeadline, "the dossier of the newly opened file");

        // The operator scans the deed at the counter.
        var pdf = Pdf("deed");
        var receipt = await PostFormAsync(gateway, "/api/archive/documents",
            Form(pdf, "deed.pdf", "application/pdf", ("category", "OWNERSHIP_DEED"), ("fileNumber", fileNumber), ("title", "سند مالکیت")), world.OperatorToken)
            .ExpectAsync(HttpStatusCode.Created);
        var sha = receipt["sha256"]!.GetValue<string>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), sha);
        Assert.Equal(2, receipt["pages"]!.GetValue<int>());

        using (var content = await gateway.GetAsync($"/api/archive/documents/{receipt["documentId"]}/content", admin))
        {
            Assert.Equal(HttpStatusCode.OK, content.StatusCode);
            Assert.Equal("application/pdf", content.Content.Headers.ContentType?.MediaType);
            var bytes = await content.Content.ReadAsByteArrayAsync();
            Assert.Equal(pdf, bytes);
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        // An executable renamed .pdf and declared as a PDF.
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.")];
        var refused = await PostFormAsync(gateway, "/api/archive/documents",
            Form(exe, "deed.pdf", "application/pdf", ("category", "OWNERSHIP_DEED"), ("fileNumber", fileNumber), ("title", "سند")), world.OperatorToken)
            .ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(415, refused["status"]!.GetValue<int>());

        // A bit flipped on the archive's disk is reported by the next fixity check.
        var stored = Path.Combine(stack.DataDirectory, "archive", sha[..2], sha[2..4], sha);
        var onDisk = await File.ReadAllBytesAsync(stored);
        onDisk[^2] ^= 0x20;
        await File.WriteAllBytesAsync(stored, onDisk);

        // The request records a run and answers at once; a replica's fixity worker does the hashing.
        using var requested = await gateway.PostAsJsonAsync("/api/archive/fixity-checks", new { fileNumber }, admin);
        var accepted = await requested.ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("Pending", accepted["status"]!.GetValue<string>());
        var check = await CompletedRunAsync(gateway, requested.Headers.Location!.OriginalString, admin);
        Assert.False(check["intact"]!.GetValue<bool>());
        Assert.Equal(1, check["mismatches"]!.GetValue<int>());
        var finding = Assert.Single(check["findings"]!.AsArray());
        Assert.Equal(receipt["documentId"]!.GetValue<string>(), finding!["documentId"]!.GetValue<string>());
        Assert.Equal("Mismatch", finding["problem"]!.GetValue<string>());
    }

    /// <summary>Polls a fixity run until it has completed, as a client would.</summary>
    private static async Task<JsonNode> CompletedRunAsync(HttpClient gateway, string location, string token) =>
        await Eventually.ReturnsAsync(async () =>
        {
            var run = await gateway.GetAsync(location, token).ExpectAsync(HttpStatusCode.OK);
            return run["status"]!.GetValue<string>() == "Completed" ? run : null;
        }, EventDeadline, $"fixity run {location} completed");

    [Fact]
    public async Task An_operator_of_an_office_suspended_moments_ago_can_neither_scan_nor_read_the_files_documents()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 13);
        var fileNumber = (await gateway.OpenFileAsync(world))["fileNumber"]!.GetValue<string>();
        await Eventually.UntilAsync(async () =>
        {
            using var response = await gateway.GetAsync($"/api/archive/dossiers/{fileNumber}", world.OperatorToken);
            return response.StatusCode == HttpStatusCode.OK;
        }, EventDeadline, "the dossier of the newly opened file");
        var receipt = await PostFormAsync(gateway, "/api/archive/documents",
            Form(Pdf("deed"), "deed.pdf", "application/pdf", ("category", "OWNERSHIP_DEED"), ("fileNumber", fileNumber), ("title", "سند مالکیت")), world.OperatorToken)
            .ExpectAsync(HttpStatusCode.Created);
        var document = $"/api/archive/documents/{receipt["documentId"]}";

        await gateway.PostAsJsonAsync($"/api/offices/{world.OfficeCode}/status", new { status = "Suspended", note = "بازرسی" }, admin).ExpectAsync(HttpStatusCode.OK);

        // The by-law holds everywhere within 5 s of the suspension (office management's event, or at
        // worst the archive's 5 s cache of its answer).
        await Eventually.UntilAsync(async () =>
        {
            using var read = await gateway.GetAsync(document, world.OperatorToken);
            return read.StatusCode == HttpStatusCode.Forbidden;
        }, TimeSpan.FromSeconds(5), "the archive refusing the suspended office's operator");
        var upload = await PostFormAsync(gateway, "/api/archive/documents",
            Form(Pdf("plan"), "plan.pdf", "application/pdf", ("category", "SITE_PLAN"), ("fileNumber", fileNumber), ("title", "نقشه")), world.OperatorToken)
            .ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("OfficeSuspended", upload["reason"]!.GetValue<string>());
        using var content = await gateway.GetAsync($"{document}/content", world.OperatorToken);
        Assert.Equal("OfficeSuspended", (await content.ReadJsonAsync(HttpStatusCode.Forbidden))["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_bulk_import_signs_in_as_a_client_granted_archive_write_and_its_scans_name_that_client()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var client = await gateway.PostAsJsonAsync("/api/identity/clients",
            new { displayName = "Legacy import", roles = new[] { "integrator" }, scopes = new[] { "archive.write" } }, admin).ExpectAsync(HttpStatusCode.Created);
        var clientId = client["clientId"]!.GetValue<string>();
        var folder = RepositoryPaths.NewDataDirectory("e2e-client-import");
        try
        {
            var suffix = Random.Shared.Next(100_000, 999_999);
            var manifest = new StringBuilder("path,category,renovationCode,fileNumber,title,scannedDate\n");
            for (var i = 1; i <= 3; i++)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, $"scan{i}.pdf"), Pdf($"client legacy {suffix} {i}"));
                manifest.Append(System.Globalization.CultureInfo.InvariantCulture, $"scan{i}.pdf,LEGACY_SCAN,16-3-{suffix}-{i}-0-0-0,,برگ {i},1389/02/0{i}\n");
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "manifest.csv"), manifest.ToString());
            var options = new ImportOptions(stack.Gateway.BaseAddress!.ToString(), folder, Path.Combine(folder, "manifest.csv"),
                Path.Combine(folder, "manifest.csv.state"), clientId, client["clientSecret"]!.GetValue<string>(), null, null);
            using var http = new HttpClient { BaseAddress = stack.Gateway.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            var token = await TokenClient.GetAsync(http, options, CancellationToken.None);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var state = ImportState.Open(options.State);

            var report = await new Importer(http, state, new StringWriter(), redraw: false).RunAsync(folder, Manifest.Read(options.Manifest), CancellationToken.None);

            Assert.Equal(3, report.Imported);
            var imported = await gateway.GetAsync($"/api/archive/documents?renovationCode=16-3-{suffix}-1-0-0-0", admin).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal($"client:{clientId}", Assert.Single(imported["items"]!.AsArray())!["createdBy"]!.GetValue<string>());
            // archive.write is not archive.read: the client reads nothing.
            var refused = await gateway.GetAsync("/api/archive/documents", token).ExpectAsync(HttpStatusCode.Forbidden);
            Assert.Equal("insufficient_scope", refused["reason"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_bulk_import_shows_progress_and_imports_nothing_the_second_time()
    {
        var folder = RepositoryPaths.NewDataDirectory("e2e-import");
        try
        {
            var suffix = Random.Shared.Next(100_000, 999_999);
            var manifest = new StringBuilder("path,category,renovationCode,fileNumber,title,scannedDate\n");
            for (var i = 1; i <= 4; i++)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, $"scan{i}.pdf"), Pdf($"legacy {suffix} {i}"));
                manifest.Append(System.Globalization.CultureInfo.InvariantCulture, $"scan{i}.pdf,LEGACY_SCAN,15-3-{suffix}-{i}-0-0-0,,برگ {i} پرونده قدیمی,1389/02/0{i}\n");
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "manifest.csv"), manifest.ToString());
            var rows = Manifest.Read(Path.Combine(folder, "manifest.csv"));
            var options = new ImportOptions(stack.Gateway.BaseAddress!.ToString(), folder, Path.Combine(folder, "manifest.csv"),
                Path.Combine(folder, "manifest.csv.state"), "city-cli", null, "admin", CityStackFixture.AdminPassword);

            async Task<(ImportReport, string)> RunAsync(string statePath)
            {
                using var client = new HttpClient { BaseAddress = stack.Gateway.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenClient.GetAsync(client, options, CancellationToken.None));
                using var state = ImportState.Open(statePath);
                var output = new StringWriter();
                var report = await new Importer(client, state, output, redraw: false).RunAsync(folder, rows, CancellationToken.None);
                ImportReportWriter.Write(report, output);
                return (report, output.ToString());
            }

            var (first, firstOutput) = await RunAsync(options.State);
            Assert.Equal(4, first.Imported);
            Assert.Matches(@"\[#+\] +100% 4/4 rows .* MB/s +ETA", firstOutput);

            var (second, _) = await RunAsync(options.State);
            Assert.Equal(0, second.Imported);
            Assert.Equal(4, second.Skipped);

            // Even with the state file gone, the archive's hashes stop a second copy.
            var (third, thirdOutput) = await RunAsync(Path.Combine(folder, "fresh.state"));
            Assert.Equal(0, third.Imported);
            Assert.Equal(4, third.Skipped);
            Assert.Contains("imported: 0", thirdOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
