using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Stack;

/// <summary>
/// Stops and starts a resource of a running stack the way the dashboard's buttons do (Aspire's own
/// resource commands), and waits until it has stopped or is healthy again: the lever the fault and
/// replica tests pull to take a server (Redis, the broker) or a replica away and bring it back.
/// </summary>
public static class ResourceCommands
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(120);

    /// <summary>Stops <paramref name="resource"/> and waits until it has reached a terminal state.</summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string resource, TimeSpan? deadline = null)
    {
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand);
        if (!result.Success)
        {
            throw new InvalidOperationException($"stop {resource}: {result.Message}");
        }

        using var timeout = new CancellationTokenSource(deadline ?? DefaultDeadline);
        await app.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates, timeout.Token);
    }

    /// <summary>Starts a stopped <paramref name="resource"/> again and waits until it reports healthy.</summary>
    public static async Task StartResourceAsync(this DistributedApplication app, string resource, TimeSpan? deadline = null)
    {
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        if (!result.Success)
        {
            throw new InvalidOperationException($"start {resource}: {result.Message}");
        }

        using var timeout = new CancellationTokenSource(deadline ?? DefaultDeadline);
        await app.WaitUntilLeftStoppedAsync(resource, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    /// <summary>
    /// Right after a start command the state last reported may still be the stopped one, and a wait for
    /// health that sees it gives up at once ("failed to start"): wait until the resource has left it, for
    /// up to 30 s (a resource that fails again at once then fails the wait that follows, with its state).
    /// </summary>
    public static async Task WaitUntilLeftStoppedAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        using var settle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        settle.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await app.ResourceNotifications.WaitForResourceAsync(
                resource, e => e.Snapshot.State?.Text is not { } state || !KnownResourceStates.TerminalStates.Contains(state), settle.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Still stopped after 30 s: the caller's next look reports it.
        }
    }
}
