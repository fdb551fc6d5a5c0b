using System.Text;
using CityEServices.ArchiveImport;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Security;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// The bulk import tool's own code (tools/ArchiveImport) against the real service: a run interrupted
/// part-way resumes without redoing finished rows, rejected rows carry reasons, and a second import of
/// the same folder (even with its state file lost) imports nothing, skipping by hash.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LegacyImportTests : ServiceTest<ArchiveService>, IClassFixture<ArchiveService>
{
    private readonly string _folder = RepositoryPaths.NewDataDirectory("legacy-scans");

    public LegacyImportTests(ArchiveService service, ITestOutputHelper output)
        : base(service, output)
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Directory.Delete(_folder, recursive: true);
        }

        base.Dispose(disposing);
    }

    private IReadOnlyList<ManifestRow> WriteSampleFolder()
    {
        var manifest = new StringBuilder("path,category,renovationCode,fileNumber,title,scannedDate\n");
        for (var i = 1; i <= 5; i++)
        {
            File.WriteAllBytes(Path.Combine(_folder, $"scan{i}.pdf"), TestFiles.Pdf(pages: i));
            manifest.Append(System.Globalization.CultureInfo.InvariantCulture, $"scan{i}.pdf,LEGACY_SCAN,13-4-5-{i}-0-0-0,1300000000{i},\"پرونده قدیمی {i}, برگ اول\",1388/05/1{i}\n");
        }

        File.WriteAllBytes(Path.Combine(_folder, "virus.pdf"), TestFiles.Executable());
        manifest.Append("virus.pdf,LEGACY_SCAN,13-4-5-9-0-0-0,13000000009,ویروس,1388/05/10\n");
        manifest.Append("missing.pdf,LEGACY_SCAN,13-4-5-8-0-0-0,13000000008,گمشده,1388/05/10\n");
        var path = Path.Combine(_folder, "manifest.csv");
        File.WriteAllText(path, manifest.ToString(), Encoding.UTF8);
        return Manifest.Read(path);
    }

    private async Task<(ImportReport Report, string Output)> RunAsync(
        IReadOnlyList<ManifestRow> rows, string statePath, Action<RowResult, CancellationTokenSource>? afterRow = null, string? token = null)
    {
        using var client = Service.CreateClient(token ?? TestTokens.Create([Roles.Archivist], name: "Importer"));
        using var state = ImportState.Open(statePath);
        using var cancel = new CancellationTokenSource();
        var output = new StringWriter();
        var importer = new Importer(client, state, output, redraw: false) { AfterRow = r => afterRow?.Invoke(r, cancel) };
        var report = await importer.RunAsync(_folder, rows, cancel.Token);
        ImportReportWriter.Write(report, output);
        Service.Log.Current?.WriteLine(output.ToString());
        return (report, output.ToString());
    }

    [Fact]
    public async Task An_interrupted_import_resumes_and_a_repeated_import_imports_nothing()
    {
        var rows = WriteSampleFolder();
        var statePath = Path.Combine(_folder, "manifest.csv.state");

        // Interrupted (Ctrl+C) once two scans are in.
        var imported = 0;
        var (first, firstOutput) = await RunAsync(rows, statePath, (row, cancel) =>
        {
            if (row.Outcome == RowOutcome.Imported && ++imported == 2)
            {
                cancel.Cancel();
            }
        });
        Assert.True(first.Interrupted);
        Assert.Equal(2, first.Imported);
        Assert.Matches(@"\[#+-*\] +\d+% 2/7 rows .* MB/s +ETA \d\d:\d\d:\d\d", firstOutput);

        var (resumed, _) = await RunAsync(rows, statePath);
        Assert.False(resumed.Interrupted);
        Assert.Equal(3, resumed.Imported);
        Assert.Equal(2, resumed.Skipped);
        Assert.All(resumed.Rows.Where(r => r.Outcome == RowOutcome.Skipped), r => Assert.StartsWith("finished in an earlier run", r.Reason));
        Assert.Equal(2, resumed.Rejected);
        Assert.Contains(resumed.Rows, r => r.Path == "virus.pdf" && r.Reason!.StartsWith("415", StringComparison.Ordinal));
        Assert.Contains(resumed.Rows, r => r.Path == "missing.pdf" && r.Reason == "file not found");
        Assert.Equal(5, await Service.CountAsync("SELECT count(*) FROM documents WHERE source = 'LegacyImport' AND file_number LIKE '13%'"));

        // The state file lost: every scan is found by its hash and skipped, nothing is uploaded twice.
        File.Delete(statePath);
        var (again, againOutput) = await RunAsync(rows, statePath);
        Assert.Equal(0, again.Imported);
        Assert.Equal(5, again.Skipped);
        Assert.All(again.Rows.Where(r => r.Outcome == RowOutcome.Skipped), r => Assert.Equal("already archived (same content)", r.Reason));
        Assert.Contains("imported: 0", againOutput, StringComparison.Ordinal);
        Assert.Equal(5, await Service.CountAsync("SELECT count(*) FROM documents WHERE source = 'LegacyImport' AND file_number LIKE '13%'"));

        // What the manifest said arrived intact: the quoted title with its comma, the Solar Hijri scan date.
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM documents WHERE title = 'پرونده قدیمی 3, برگ اول' AND pages = 3 AND scanned_at IS NOT NULL AND district = 13"));
    }

    [Fact]
    public async Task An_import_client_granted_only_archive_write_imports_under_its_id_and_a_repeat_imports_nothing()
    {
        var manifest = new StringBuilder("path,category,renovationCode,fileNumber,title,scannedDate\n");
        for (var i = 1; i <= 3; i++)
        {
            File.WriteAllBytes(Path.Combine(_folder, $"client{i}.pdf"), TestFiles.Pdf());
            manifest.Append(System.Globalization.CultureInfo.InvariantCulture, $"client{i}.pdf,LEGACY_SCAN,18-4-5-{i}-0-0-0,,پرونده قدیمی {i},1389/02/0{i}\n");
        }

        var path = Path.Combine(_folder, "manifest.csv");
        File.WriteAllText(path, manifest.ToString(), Encoding.UTF8);
        var rows = Manifest.Read(path);
        // What the tool gets with --client-id/--client-secret: a client token with the scope it was granted.
        var token = TestTokens.Integrator("legacy-import", Scopes.ArchiveWrite);

        var (first, _) = await RunAsync(rows, Path.Combine(_folder, "client.state"), token: token);
        Assert.Equal(3, first.Imported);
        Assert.Equal(0, first.Rejected);
        Assert.Equal(3, await Service.CountAsync("SELECT count(*) FROM documents WHERE created_by = 'client:legacy-import' AND source = 'LegacyImport' AND district = 18"));

        // Without archive.read the tool cannot look the hashes up first; the archive still answers
        // "already archived" for the same content, so nothing is stored twice.
        var (again, _) = await RunAsync(rows, Path.Combine(_folder, "client-fresh.state"), token: token);
        Assert.Equal(0, again.Imported);
        Assert.Equal(3, again.Skipped);
        Assert.All(again.Rows, r => Assert.Equal("already archived (same content)", r.Reason));
        Assert.Equal(3, await Service.CountAsync("SELECT count(*) FROM documents WHERE created_by = 'client:legacy-import'"));
    }

    [Fact]
    public async Task A_client_without_archive_write_stops_the_import_at_the_first_upload_and_leaves_every_row_to_do()
    {
        var rows = WriteSampleFolder();
        var statePath = Path.Combine(_folder, "refused.state");
        var before = await Service.CountAsync("SELECT count(*) FROM documents");

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() =>
            RunAsync(rows, statePath, token: TestTokens.Integrator("reader-only", Scopes.ArchiveRead)));

        Assert.Contains("archive.write", refused.Message, StringComparison.Ordinal);
        Assert.Contains("insufficient_scope", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Service.CountAsync("SELECT count(*) FROM documents"));
        using var state = ImportState.Open(statePath);
        Assert.Equal(0, state.FinishedEarlier);
    }

    [Fact]
    public void The_manifest_parser_handles_quotes_line_breaks_and_any_column_order()
    {
        var csv = "Title,PATH,category,fileNumber\r\n\"Deed \"\"A\"\", page 1\",a.pdf,OWNERSHIP_DEED,01000000001\r\n\"two\nlines\",b.pdf,LEGACY_SCAN,\n\n";

        var records = Manifest.Parse(new StringReader(csv)).ToList();

        Assert.Equal(["Deed \"A\", page 1", "a.pdf", "OWNERSHIP_DEED", "01000000001"], records[1].Fields);
        Assert.Equal(["two\nlines", "b.pdf", "LEGACY_SCAN", ""], records[2].Fields);
        Assert.Equal(3, records[2].Line);
    }
}
