using System.Collections.Concurrent;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using CityEServices.Stack.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Stack;

/// <summary>
/// Follows the AppHost's resource notifications and writes what it learns to the stack's ledger: the
/// process id each project and executable reports (<c>executable.pid</c>), what those processes start
/// in turn (PostgreSQL's script starts runuser, which starts the server), the orchestrator's processes above them (dcp, which detaches from this process
/// but is the parent of every resource process), and each resource's state, health and endpoints.
/// </summary>
internal sealed class ResourceTracker(DistributedApplication app, Ledger ledger)
{
    private const string PidProperty = "executable.pid";
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, ResourceView> _resources = new();
    private Task _running = Task.CompletedTask;

    public void Start() => _running = Task.WhenAll(Task.Run(() => WatchAsync(_stop.Token)), Task.Run(() => RefreshAsync(_stop.Token)));

    public async Task StopAsync()
    {
        // One last look, so a process started a moment ago is on record before anything is stopped.
        RecordDescendants();
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The service process of a project: the one the AppHost started (the service itself, started from its build
    /// output), or the innermost process under it where a project runs through a wrapper (<c>dotnet run</c>).
    /// </summary>
    public TrackedProcess? ServiceProcess(string resource)
    {
        var root = _resources.Values.FirstOrDefault(r => r.Name == resource && r.Process is { IsAlive: true })?.Process;
        // Nullable elements: LastOrDefault over the structs themselves would answer pid 0 for a process with no children.
        return root?.Descendants().Where(p => p.IsAlive).Select(p => (TrackedProcess?)p).LastOrDefault() ?? root;
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        await foreach (var update in app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            var snapshot = update.Snapshot;
            // A stopped resource's snapshot may still name its old pid, which the kernel may since have given to
            // another process: a pid counts only while its process is a child of the orchestrator.
            var process = snapshot.Properties.FirstOrDefault(p => p.Name == PidProperty)?.Value is { } pid
                && TrackedProcess.Find(Convert.ToInt32(pid, CultureInfo.InvariantCulture), update.Resource.Name) is { } found
                && Parent(found) is { Name: "dcp" }
                    ? found
                    : (TrackedProcess?)null;
            var previous = _resources.GetValueOrDefault(update.ResourceId);
            _resources[update.ResourceId] = new ResourceView(update.Resource.Name, snapshot.ResourceType, snapshot.State?.Text,
                snapshot.HealthStatus?.ToString(), process ?? previous?.Process);
            if (process is { } started)
            {
                ledger.Track(started);
            }

            WriteResources();
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // Processes come and go (a database connection is one): only the living need ending.
            ledger.Update(r => r.Processes.RemoveAll(p => !p.Process.IsAlive));
            RecordDescendants();
            WriteResources();
            await Task.Delay(RefreshInterval, cancellationToken);
        }
    }

    private void RecordDescendants()
    {
        var orchestrators = new HashSet<TrackedProcess>();
        foreach (var resource in _resources.Values.Where(r => r.Process is { IsAlive: true }))
        {
            var process = resource.Process!.Value;
            foreach (var child in process.Descendants())
            {
                ledger.Track(child);
            }

            for (var parent = Parent(process); parent is { Name: "dcp" } dcp; parent = Parent(dcp))
            {
                orchestrators.Add(dcp);
            }
        }

        // dcp's own helpers (one monitor-process per resource) come and go with it.
        foreach (var dcp in orchestrators.SelectMany(o => o.Descendants().Prepend(o)).Where(p => p.Name == "dcp"))
        {
            ledger.Track(dcp with { What = "orchestrator" });
        }
    }

    private static TrackedProcess? Parent(TrackedProcess process) =>
        process.ParentPid is { } parent && parent > 1 ? TrackedProcess.Find(parent, "orchestrator") : null;

    private void WriteResources()
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        // Processes and containers; parameters, connection strings and never-started helpers have nothing to stop.
        var entries = _resources.Values.Where(r => r.Process is not null || r.Type is "Project" or "Executable" or "Container" && r.State != "NotStarted")
            .GroupBy(r => r.Name).Select(replicas =>
        {
            var first = replicas.First();
            var endpoints = model.Resources.FirstOrDefault(r => r.Name == first.Name)?.Annotations.OfType<EndpointAnnotation>()
                .Where(e => e.AllocatedEndpoint is not null)
                .ToDictionary(e => e.Name, e => e.AllocatedEndpoint!.UriString) ?? [];
            return new ResourceEntry(first.Name, first.Type, first.State, first.Health, endpoints,
                [.. replicas.Where(r => r.Process is not null).Select(r => r.Process!.Value.Pid)]);
        }).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        ledger.Update(r => r.Resources = entries);
    }

    private sealed record ResourceView(string Name, string Type, string? State, string? Health, TrackedProcess? Process);
}
