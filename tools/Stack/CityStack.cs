using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CityEServices.Stack.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Stack;

/// <summary>
/// The whole city — the AppHost with every service, the gateway and the servers — run in this process
/// through Aspire.Hosting.Testing: the one way ./city run, ./city bench and the end-to-end and fault
/// tests start it. What it starts is written to its ledger (<c>.city/processes/&lt;name&gt;.json</c>)
/// as it starts it; stopping asks the AppHost to stop its resources, then ends exactly the recorded
/// processes still alive and RabbitMQ's epmd by its port.
/// </summary>
public sealed class CityStack : IAsyncDisposable
{
    private readonly Ledger _ledger;
    private readonly ResourceTracker _tracker;
    private readonly Stopwatch _launched;
    private readonly Action<string> _say;
    private readonly FileStream? _turn;
    private int _stopped;

    private CityStack(DistributedApplication app, Ledger ledger, Stopwatch launched, Action<string> say, FileStream? turn)
    {
        App = app;
        _say = say;
        _turn = turn;
        _ledger = ledger;
        _launched = launched;
        _tracker = new ResourceTracker(app, ledger);
        var resources = app.Services.GetRequiredService<DistributedApplicationModel>().Resources;
        Projects = [.. resources.OfType<ProjectResource>().Select(p => p.Name)];
        Servers = [.. resources.OfType<ExecutableResource>().Select(e => e.Name)];
    }

    /// <summary>How many of its last logged errors <see cref="LoggedFailuresAsync"/> shows per project.</summary>
    public const int FailuresKept = 3;

    public DistributedApplication App { get; }

    /// <summary>The local servers the AppHost runs (PostgreSQL, RabbitMQ, Redis), when it runs them.</summary>
    public IReadOnlyList<string> Servers { get; }

    /// <summary>The AppHost's projects (services and gateway), in the order it declares them.</summary>
    public IReadOnlyList<string> Projects { get; }

    /// <summary>From the AppHost's launch to every project answering /health with "Healthy".</summary>
    public TimeSpan StartedIn { get; private set; }

    public string LedgerPath => _ledger.Path;

    /// <summary>An endpoint's address as clients reach it, e.g. <c>Endpoint("gateway")</c>.</summary>
    public Uri Endpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    /// <summary>
    /// A client for the gateway at 127.0.0.1 with no retry of its own that could hide a failed request;
    /// a 500 fails with what the projects logged (<see cref="ServerErrorsExplained"/>).
    /// </summary>
    public HttpClient CreateGatewayClient(TimeSpan timeout) =>
        new(new ServerErrorsExplained(this)) { BaseAddress = GatewayAddress, Timeout = timeout };

    /// <summary>The gateway at 127.0.0.1, where it listens, without a name to resolve.</summary>
    public Uri GatewayAddress => new UriBuilder(Endpoint("gateway")) { Host = "127.0.0.1" }.Uri;

    /// <summary>The service's own process, for its resident memory.</summary>
    internal TrackedProcess? ServiceProcess(string resource) => _tracker.ServiceProcess(resource);

    /// <summary>The process id of a project's service process, while it runs.</summary>
    public int? ServiceProcessId(string resource) => ServiceProcess(resource)?.Pid;

    /// <summary>SIGTERM to a project's service process, as Kubernetes stops a pod: it drains and exits. False when it was not running.</summary>
    public bool Terminate(string resource) => ServiceProcess(resource)?.Signal(15) ?? false;

    public static async Task<CityStack> StartAsync(StackOptions options, Action<string>? say = null, CancellationToken cancellationToken = default)
    {
        var turn = options.TakesTurns ? await StackTurn.WaitAsync(StackTurn.DefaultPath, options.Name, say ?? Say.Line, cancellationToken) : null;
        var clock = Stopwatch.StartNew();
        Ledger ledger;
        try
        {
            ledger = await StackLedger.ClaimAsync(options, say);
        }
        catch
        {
            turn?.Dispose();
            throw;
        }

        if (!options.SampleData)
        {
            // The services inherit the AppHost's environment through the orchestrator.
            Environment.SetEnvironmentVariable("SampleData__Enabled", "false");
        }

        foreach (var (name, value) in options.ServiceEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        CityStack? stack = null;
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([.. options.AppHostSwitches()], (app, _) =>
            {
                app.DisableDashboard = !options.Dashboard;
                app.EnableResourceLogging = options.ResourceLogs;
            }, cancellationToken);
            options.Ports.Pin(builder);
            options.Configure?.Invoke(builder);
            StackLedger.RecordDaemons(ledger, builder);
            var app = await builder.BuildAsync(cancellationToken);
            stack = new CityStack(app, ledger, clock, say ?? Say.Line, turn);
            stack._tracker.Start();

            using var start = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            start.CancelAfter(options.StartTimeout);
            await app.StartAsync(start.Token);
            if (options.WaitUntilHealthy)
            {
                await stack.WaitUntilHealthyAsync(start.Token);
            }

            return stack;
        }
        catch
        {
            // A stack that did not come up is stopped here: its caller (an xunit fixture among them) never disposes it.
            if (stack is not null)
            {
                await stack.DisposeAsync();
            }
            else
            {
                await Leftovers.EndAsync(ledger.Record, TimeSpan.FromSeconds(10), say);
                ledger.Delete();
                turn?.Dispose();
            }

            throw;
        }
    }

    /// <summary>Stops the AppHost's resources, then whatever of them still runs, then epmd; deletes throwaway data.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            await _tracker.StopAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await App.StopAsync(patience.Token);
            await App.DisposeAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or AggregateException)
        {
            // Whatever did not stop is ended below, by its process id.
        }
        finally
        {
            await Leftovers.EndAsync(_ledger.Record, TimeSpan.FromSeconds(10));
            _ledger.Delete();
            _turn?.Dispose();
        }
    }

    /// <summary>
    /// Every project answers /health with "Healthy" (its database, broker and cache answer too): polled
    /// directly, four times a second, rather than through Aspire's health checks, which back off to 5 s.
    /// A local server or project that stops meanwhile is started once more or, the second time, fails
    /// the start at once with its last lines, rather than leaving the wait to run out.
    /// </summary>
    public async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var pending = Projects.ToHashSet();
        var restarted = new HashSet<string>();
        while (pending.Count > 0)
        {
            foreach (var server in Servers)
            {
                await RestartIfStoppedAsync(server, restarted, _ => true, cancellationToken);
            }

            foreach (var project in pending.ToList())
            {
                // Another process took the port between its allocation and the bind (an outgoing
                // connection's ephemeral port, another stack): it is free again a moment later.
                if (!await RestartIfStoppedAsync(project, restarted, StartupCrash.LostItsPort, cancellationToken)
                    && await IsHealthyAsync(http, project, cancellationToken))
                {
                    pending.Remove(project);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(250, cancellationToken);
            }
        }

        StartedIn = _launched.Elapsed;
    }

    /// <summary>
    /// When <paramref name="resource"/> has stopped: starts it once more if <paramref name="worthAnotherTry"/>
    /// says its last lines allow and it has not been restarted yet (as Kubernetes restarts a pod that
    /// failed to start), else throws with those lines. False when it had not stopped.
    /// </summary>
    private async Task<bool> RestartIfStoppedAsync(
        string resource, HashSet<string> restarted, Func<IReadOnlyList<string>, bool> worthAnotherTry, CancellationToken cancellationToken)
    {
        if (!App.ResourceNotifications.TryGetCurrentState(resource, out var current)
            || current.Snapshot.State?.Text is not { } state || !KnownResourceStates.TerminalStates.Contains(state))
        {
            return false;
        }

        var lastLines = await LastLinesAsync(resource, cancellationToken);
        if (!worthAnotherTry(lastLines) || !restarted.Add(resource))
        {
            throw new InvalidOperationException(
                $"{resource} stopped while the stack was starting ({state}, exit code {current.Snapshot.ExitCode}). Its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, lastLines)}");
        }

        _say($"{resource} stopped while starting ({StartupCrash.BindError(lastLines) ?? lastLines.LastOrDefault()}); starting it again");
        await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);
        await App.WaitUntilLeftStoppedAsync(resource, cancellationToken);
        return true;
    }

    /// <summary>The last lines a resource wrote (the reason it stopped is among them), or why they could not be read.</summary>
    private async Task<IReadOnlyList<string>> LastLinesAsync(string resourceName, CancellationToken cancellationToken)
    {
        var (log, whole) = await LogAsync(resourceName, cancellationToken);
        List<string> lines = [.. log.TakeLast(StartupCrash.LinesKept)];
        if (!whole)
        {
            lines.Add("(its log could not be read within 10 s)");
        }

        // A host that fails often logs its cause first and then pages of shutdown noise: keep the first failure too.
        var first = log.FindIndex(StartupCrash.StartsFailure);
        var firstFailure = first < 0 ? [] : log.GetRange(first, Math.Min(StartupCrash.FailureLinesKept, log.Count - first));
        return firstFailure.Count == 0 || lines.Contains(firstFailure[0]) ? lines : [.. firstFailure, "…", .. lines];
    }

    /// <summary>Every line a resource has logged so far, and whether all of it could be read within 10 s.</summary>
    private async Task<(List<string> Lines, bool Whole)> LogAsync(string resourceName, CancellationToken cancellationToken)
    {
        var resource = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resourceName);
        var lines = new List<string>();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(resource).WithCancellation(patience.Token))
            {
                lines.AddRange(batch.Select(line => line.Content));
            }

            return (lines, true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (lines, false);
        }
    }

    /// <summary>
    /// The last errors each project has logged ("fail:" or "crit:" and the lines after it, the exception
    /// among them; the last <see cref="FailuresKept"/> per project, as start-up's own are many and
    /// seldom the cause); empty when none has. For a test that met a 5xx: the answer says nothing of
    /// the cause, by design, and the service's log does.
    /// </summary>
    public async Task<string> LoggedFailuresAsync(CancellationToken cancellationToken = default)
    {
        var report = new System.Text.StringBuilder();
        foreach (var project in Projects)
        {
            var (lines, whole) = await LogAsync(project, cancellationToken);
            if (!whole)
            {
                lines.Add("fail: (the rest of its log could not be read within 10 s)");
            }

            foreach (var line in StartupCrash.LastFailures(lines, FailuresKept))
            {
                report.Append(project).Append(": ").AppendLine(line);
            }
        }

        return report.ToString();
    }

    private async Task<bool> IsHealthyAsync(HttpClient http, string project, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(Endpoint(project), "/health"), cancellationToken);
            return response.IsSuccessStatusCode && await response.Content.ReadAsStringAsync(cancellationToken) == "Healthy";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return false; // not listening yet, or its endpoint not allocated yet
        }
    }
}
