using CityEServices.Stack.Contract;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityEServices.Stack.Commands;

/// <summary>
/// ./city contract: a throwaway stack, the gateway's merged OpenAPI document, normalised, written to
/// clients/openapi/v1.json — the snapshot the generated client builds from and the end-to-end drift test
/// compares with. Run it after changing an endpoint, and commit the snapshot with the change.
/// </summary>
internal static class ContractCommand
{
    public static async Task<int> RunAsync()
    {
        using var signals = new StopSignals();
        var log = Path.Combine(Repository.State, "contract-apphost.log");
        Directory.CreateDirectory(Repository.State);
        Say.Line($"starting a throwaway stack to read the gateway's API contract (log {log})");
        var options = StackOptions.ForTests("contract") with
        {
            ResourceLogs = false,
            SampleData = false,
            AdminPassword = $"Contract-{Guid.NewGuid():N}-Aa1",
            Configure = builder => builder.Services.AddLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(new FileLoggerProvider(log));
            }),
        };
        await using var stack = await CityStack.StartAsync(options, Say.Line, signals.Token);
        using var gateway = new HttpClient { BaseAddress = stack.Endpoint("gateway") };
        var contract = await ApiContract.FetchAsync(gateway, signals.Token);
        var before = File.Exists(ApiContract.SnapshotPath) ? await File.ReadAllTextAsync(ApiContract.SnapshotPath, signals.Token) : null;
        Directory.CreateDirectory(Path.GetDirectoryName(ApiContract.SnapshotPath)!);
        await File.WriteAllTextAsync(ApiContract.SnapshotPath, contract, signals.Token);
        var changes = before is null ? ["(new)"] : ContractDifferences.Between(before, contract);
        Say.Line($"wrote {Path.GetRelativePath(Repository.Root, ApiContract.SnapshotPath)}: {(changes.Count == 0 ? "unchanged" : $"{changes.Count} change(s)")}");
        foreach (var change in changes.Take(40))
        {
            Console.Out.WriteLine($"  {change}");
        }

        return 0;
    }
}
