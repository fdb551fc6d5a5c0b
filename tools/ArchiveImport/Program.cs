using System.Net.Http.Headers;
using CityEServices.ArchiveImport;

if (args.Length == 0 || args.Contains("--help"))
{
    Console.WriteLine(ImportOptions.Usage);
    return args.Length == 0 ? 64 : 0;
}

var options = ImportOptions.Parse(args, Console.Error);
if (options is null)
{
    Console.Error.WriteLine(ImportOptions.Usage);
    return 64;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The row in flight finishes or is abandoned; the state file already holds every finished row.
    e.Cancel = true;
    cancel.Cancel();
};

using var gateway = new HttpClient { BaseAddress = new Uri(options.Gateway), Timeout = TimeSpan.FromMinutes(10) };
try
{
    var rows = Manifest.Read(options.Manifest);
    var token = await TokenClient.GetAsync(gateway, options, cancel.Token);
    gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    using var state = ImportState.Open(options.State);
    Console.WriteLine($"{rows.Count} rows in {options.Manifest}; {state.FinishedEarlier} finished in earlier runs (state: {options.State})");
    var importer = new Importer(gateway, state, Console.Out, redraw: !Console.IsOutputRedirected);
    var report = await importer.RunAsync(options.Folder, rows, cancel.Token);
    ImportReportWriter.Write(report, Console.Out);
    return report.Interrupted ? 1 : report.Rejected > 0 ? 2 : 0;
}
catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or FormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Stopped: {ex.Message}");
    Console.Error.WriteLine("Run the same command again to resume.");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Interrupted. Run the same command again to resume.");
    return 1;
}
